import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { memberKeys } from './member-keys';
import type { Member } from './types';

export function getMembers(storeId: string): Promise<Member[]> {
  return apiClient.get('/stores/{storeId}/members', { path: { storeId } });
}

export function membersQueryOptions(storeId: string) {
  return queryOptions({
    queryKey: memberKeys.members(storeId),
    queryFn: () => getMembers(storeId),
  });
}

export function useMembers(storeId: string) {
  return useQuery(membersQueryOptions(storeId));
}
