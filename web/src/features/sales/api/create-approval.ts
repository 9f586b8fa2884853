import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';
import type { RequestBody, Schemas } from '@/lib/api/types';

export type ApprovalInput = RequestBody<'createApproval'>;
export type GivenApproval = Schemas['GivenApproval'];
export type ApprovalAction = ApprovalInput['action'];

/** A manager approves the caller's void, refund or discount on this till: a one-time token. */
export function createApproval(storeId: string, body: ApprovalInput): Promise<GivenApproval> {
  return apiClient.post('/stores/{storeId}/approvals', { path: { storeId }, body });
}

export function useCreateApproval(storeId: string) {
  return useMutation({ mutationFn: (body: ApprovalInput) => createApproval(storeId, body) });
}

/** The header an approved action sends its approval's token in. */
export const approvalHeader = (token?: string): Record<string, string> =>
  token ? { 'Approval-Token': token } : {};

/** Whether the API refused an action for want of a (valid) manager's approval. */
export function needsApproval(error: unknown): boolean {
  const { code } = toApiError(error);
  return code === 'APPROVAL_REQUIRED' || code === 'APPROVAL_INVALID';
}
