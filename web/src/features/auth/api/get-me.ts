import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { withOfflineCopy } from '@/lib/offline-copy';
import type { ResponseData, Schemas } from '@/lib/api/types';
import { meQueryKey } from '@/lib/query-keys';

export type Membership = Schemas['Membership'];
export type Me = ResponseData<'getCurrentUser'>;

export function getMe(): Promise<Me> {
  return apiClient.get('/auth/me');
}

/** Offline, the copy kept from the last answer: the till opens with no connection. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: () => withOfflineCopy('me', getMe),
    staleTime: 5 * 60_000,
    networkMode: 'always',
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
