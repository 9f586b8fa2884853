import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { AuthSession, RequestBody } from '@/lib/api/types';
import { setSession } from '@/lib/session';

export type LoginInput = RequestBody<'login'>;

export function login(input: LoginInput): Promise<AuthSession> {
  return apiClient.post('/auth/login', { body: input });
}

export function useLogin() {
  return useMutation({ mutationFn: login, onSuccess: setSession });
}
