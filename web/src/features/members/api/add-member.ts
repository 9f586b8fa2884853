import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';
import { memberKeys } from './member-keys';
import type { AddMemberResult } from './types';

export type AddMemberInput = RequestBody<'addMember'>;

/** Adds an existing user, or records an invitation they accept by registering. */
export function addMember(storeId: string, input: AddMemberInput): Promise<AddMemberResult> {
  return apiClient.post('/stores/{storeId}/members', { path: { storeId }, body: input });
}

export function useAddMember(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddMemberInput) => addMember(storeId, input),
    onSuccess: (result) =>
      queryClient.invalidateQueries({
        queryKey:
          result.status === 'added' ? memberKeys.members(storeId) : memberKeys.invitations(storeId),
      }),
  });
}
