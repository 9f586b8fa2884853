import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { getSession } from '@/lib/session';
import { memberKeys, meQueryKey } from './member-keys';
import type { Member, Role } from './types';

export function updateMemberRole(storeId: string, userId: string, role: Role): Promise<Member> {
  return apiClient.patch('/stores/{storeId}/members/{userId}', {
    path: { storeId, userId },
    body: { role },
  });
}

export function useUpdateMemberRole(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      updateMemberRole(storeId, userId, role),
    onSuccess: async (_member, { userId }) => {
      const session = getSession();
      const isSelf = session.status === 'authenticated' && session.user.id === userId;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.members(storeId) }),
        // My own role decides my permissions, which come from /auth/me.
        isSelf && queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]);
    },
  });
}
