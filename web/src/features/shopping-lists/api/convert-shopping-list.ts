import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { listChanged, ordersCreated } from './mutations';
import type { ConvertResult } from './types';

/** One purchase order per supplier; the key makes a retry after a lost answer safe. */
export function convertShoppingList(
  storeId: string,
  listId: string,
  idempotencyKey: string,
): Promise<ConvertResult> {
  return apiClient.post('/stores/{storeId}/shopping-lists/{id}/purchase-orders', {
    path: { storeId, id: listId },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useConvertShoppingList(storeId: string, listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => convertShoppingList(storeId, listId, idempotencyKey),
    onSuccess: async (result) => {
      await ordersCreated(queryClient, storeId);
      await listChanged(queryClient, storeId, result.shoppingList);
    },
  });
}
