import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';

export async function requestPasswordReset(
  input: RequestBody<'requestPasswordReset'>,
): Promise<void> {
  await apiClient.post('/auth/forgot-password', { body: input });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: requestPasswordReset });
}
