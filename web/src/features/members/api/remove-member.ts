import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { getSession } from '@/lib/session';
import { memberKeys, meQueryKey } from './member-keys';

export function removeMember(storeId: string, userId: string): Promise<void> {
  return apiClient.delete('/stores/{storeId}/members/{userId}', { path: { storeId, userId } });
}

export function useRemoveMember(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(storeId, userId),
    onSuccess: async (_void, userId) => {
      const session = getSession();
      const isSelf = session.status === 'authenticated' && session.user.id === userId;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.members(storeId) }),
        isSelf && queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]);
    },
  });
}
