import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';

export type ResetPasswordInput = RequestBody<'resetPassword'>;

export async function resetPassword(input: ResetPasswordInput): Promise<void> {
  await apiClient.post('/auth/reset-password', { body: input });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
