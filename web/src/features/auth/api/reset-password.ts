import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';

export type ResetPasswordInput = RequestBody<'resetPassword'>;

export function resetPassword(input: ResetPasswordInput): Promise<void> {
  return apiClient.post('/auth/reset-password', input);
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
