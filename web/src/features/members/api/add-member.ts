import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { memberKeys, membersPath } from './member-keys';
import type { AddMemberResult, Role } from './types';

export interface AddMemberInput {
  email: string;
  role: Role;
}

/** Adds an existing user, or records an invitation they accept by registering. */
export async function addMember(storeId: string, input: AddMemberInput): Promise<AddMemberResult> {
  const res = await api.post<SuccessEnvelope<AddMemberResult>>(membersPath(storeId), input);
  return res.data.data;
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
