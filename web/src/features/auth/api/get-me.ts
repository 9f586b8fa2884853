import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ResponseData, Schemas } from '@/lib/api/types';
import { meQueryKey } from '@/lib/query-keys';

export type Membership = Schemas['Membership'];
export type Me = ResponseData<'getCurrentUser'>;

export function getMe(): Promise<Me> {
  return apiClient.get('/auth/me');
}

export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
