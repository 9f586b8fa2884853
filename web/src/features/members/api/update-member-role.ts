import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { getSession } from '../../../lib/session';
import { memberKeys, membersPath, meQueryKey } from './member-keys';
import type { Member, Role } from './types';

export async function updateMemberRole(
  storeId: string,
  userId: string,
  role: Role,
): Promise<Member> {
  const res = await api.patch<SuccessEnvelope<Member>>(
    `${membersPath(storeId)}/${encodeURIComponent(userId)}`,
    { role },
  );
  return res.data.data;
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
