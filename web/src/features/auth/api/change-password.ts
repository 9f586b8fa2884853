import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { AuthSession, RequestBody } from '@/lib/api/types';
import { setSession } from '@/lib/session';

export type ChangePasswordInput = RequestBody<'changePassword'>;

export function changePassword(input: ChangePasswordInput): Promise<AuthSession> {
  return apiClient.post('/auth/change-password', { body: input });
}

/** The server revokes every other session and answers a fresh one for this tab. */
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword, onSuccess: setSession });
}
