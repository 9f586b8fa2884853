import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { memberKeys } from './member-keys';

export async function revokeInvitation(storeId: string, invitationId: string): Promise<void> {
  await api.delete(
    `/stores/${encodeURIComponent(storeId)}/invitations/${encodeURIComponent(invitationId)}`,
  );
}

export function useRevokeInvitation(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(storeId, invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(storeId) }),
  });
}
