import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { memberKeys, membersPath } from './member-keys';
import type { Member } from './types';

export async function getMembers(storeId: string): Promise<Member[]> {
  const res = await api.get<SuccessEnvelope<Member[]>>(membersPath(storeId));
  return res.data.data;
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
