import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { memberKeys } from './member-keys';

export function revokeInvitation(storeId: string, invitationId: string): Promise<void> {
  return apiClient.delete('/stores/{storeId}/invitations/{invitationId}', {
    path: { storeId, invitationId },
  });
}

export function useRevokeInvitation(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(storeId, invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(storeId) }),
  });
}
