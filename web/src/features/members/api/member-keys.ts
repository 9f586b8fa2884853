import { storePath } from '@/lib/query-keys';

export { meQueryKey } from '@/lib/query-keys';

export const memberKeys = {
  members: (storeId: string) => ['stores', storeId, 'members'] as const,
  invitations: (storeId: string) => ['stores', storeId, 'invitations'] as const,
};

export function membersPath(storeId: string, userId?: string): string {
  return storePath(storeId, userId ? `members/${encodeURIComponent(userId)}` : 'members');
}

export function invitationsPath(storeId: string, invitationId?: string): string {
  return storePath(
    storeId,
    invitationId ? `invitations/${encodeURIComponent(invitationId)}` : 'invitations',
  );
}
