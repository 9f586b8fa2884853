import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';
import { forecastingKeys } from './forecasting-keys';

/** Takes Nimbus's suggested reorder point as the product's own (PATCH products/{id}). */
export function setReorderPoint(storeId: string, productId: string, reorderPoint: number) {
  return apiClient.patch('/stores/{storeId}/products/{id}', {
    path: { storeId, id: productId },
    body: { reorderPoint },
  });
}

export function useSetReorderPoint(storeId: string, productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reorderPoint: number) => setReorderPoint(storeId, productId, reorderPoint),
    // The product (its stock card, the list's low-stock flags) and its outlook change.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
        queryClient.invalidateQueries({ queryKey: forecastingKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]),
  });
}
