import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AuthSession, SuccessEnvelope } from '../../../lib/api-types';
import { setSession } from '../../../lib/session';

export interface LoginInput {
  email: string;
  password: string;
}

export async function login(input: LoginInput): Promise<AuthSession> {
  const res = await api.post<SuccessEnvelope<AuthSession>>('/auth/login', input);
  return res.data.data;
}

export function useLogin() {
  return useMutation({ mutationFn: login, onSuccess: setSession });
}
