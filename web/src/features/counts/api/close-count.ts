import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { countChanged } from './keys';

/** Posts the differences as count movements (with a key: a retry posts once). */
export function usePostCount(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) =>
      apiClient.post('/stores/{storeId}/count-sessions/{id}/post', {
        path: { storeId, id },
        body: {},
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => countChanged(queryClient, storeId, true),
  });
}

export function useCancelCount(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiClient.post('/stores/{storeId}/count-sessions/{id}/cancel', {
        path: { storeId, id },
        body: {},
      }),
    onSuccess: () => countChanged(queryClient, storeId),
  });
}
