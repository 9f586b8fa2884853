import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from './purchase-order-keys';

/** Only a pending order; one that went to the supplier is cancelled instead. */
export function deletePurchaseOrder(storeId: string, orderId: string): Promise<void> {
  return apiClient.delete('/stores/{storeId}/purchase-orders/{id}', {
    path: { storeId, id: orderId },
  });
}

export function useDeletePurchaseOrder(storeId: string, orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deletePurchaseOrder(storeId, orderId),
    // Marked stale, not refetched now: the open page would ask for the order it just deleted.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: storeDataKeys.purchaseOrders(storeId),
          refetchType: 'none',
        }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
      ]),
  });
}
