import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { countKeys, type CountSessionsQuery } from './keys';

export function getCountSessions(storeId: string, query: CountSessionsQuery) {
  return apiClient.list('/stores/{storeId}/count-sessions', { path: { storeId }, query });
}

export function useCountSessions(storeId: string, query: CountSessionsQuery) {
  return useQuery({
    queryKey: countKeys.list(storeId, query),
    queryFn: () => getCountSessions(storeId, query),
    placeholderData: keepPreviousData,
  });
}

/** The aisles products are on, for a count by aisle. */
export function useCountAisles(storeId: string) {
  return useQuery({
    queryKey: countKeys.aisles(storeId),
    queryFn: () => apiClient.get('/stores/{storeId}/count-sessions/aisles', { path: { storeId } }),
  });
}
