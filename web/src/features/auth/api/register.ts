import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AuthSession, SuccessEnvelope } from '../../../lib/api-types';
import { setSession } from '../../../lib/session';

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  storeName?: string;
}

export async function register(input: RegisterInput): Promise<AuthSession> {
  const res = await api.post<SuccessEnvelope<AuthSession>>('/auth/register', input);
  return res.data.data;
}

export function useRegister() {
  return useMutation({ mutationFn: register, onSuccess: setSession });
}
