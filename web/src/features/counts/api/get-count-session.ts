import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { countKeys } from './keys';

export function getCountSession(storeId: string, id: string) {
  return apiClient.get('/stores/{storeId}/count-sessions/{id}', { path: { storeId, id } });
}

export function useCountSession(storeId: string, id: string) {
  return useQuery({
    queryKey: countKeys.detail(storeId, id),
    queryFn: () => getCountSession(storeId, id),
  });
}

/** The differences as they would post (a manager's view, with their value at cost). */
export function useCountReview(storeId: string, id: string) {
  return useQuery({
    queryKey: countKeys.review(storeId, id),
    queryFn: () =>
      apiClient.get('/stores/{storeId}/count-sessions/{id}/review', { path: { storeId, id } }),
  });
}
