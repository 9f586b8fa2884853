import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { AuthSession, RequestBody } from '@/lib/api/types';
import { setSession } from '@/lib/session';

export type RegisterInput = RequestBody<'register'>;

export function register(input: RegisterInput): Promise<AuthSession> {
  return apiClient.post('/auth/register', { body: input });
}

export function useRegister() {
  return useMutation({ mutationFn: register, onSuccess: setSession });
}
