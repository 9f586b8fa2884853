export { meQueryKey } from '@/lib/query-keys';

export const memberKeys = {
  members: (storeId: string) => ['stores', storeId, 'members'] as const,
  invitations: (storeId: string) => ['stores', storeId, 'invitations'] as const,
};
