import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AuthSession, SuccessEnvelope } from '../../../lib/api-types';
import { setSession } from '../../../lib/session';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(input: ChangePasswordInput): Promise<AuthSession> {
  const res = await api.post<SuccessEnvelope<AuthSession>>('/auth/change-password', input);
  return res.data.data;
}

/** The server revokes every other session and answers a fresh one for this tab. */
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword, onSuccess: setSession });
}
