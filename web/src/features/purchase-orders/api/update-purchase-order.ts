import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderChanged } from './purchase-order-changed';
import type { OrderChanges, PurchaseOrder } from './types';

/** A pending order's expected date, notes and lines (the server refuses any other status). */
export function updatePurchaseOrder(
  storeId: string,
  orderId: string,
  input: OrderChanges,
): Promise<PurchaseOrder> {
  return apiClient.patch('/stores/{storeId}/purchase-orders/{id}', {
    path: { storeId, id: orderId },
    body: input,
  });
}

export function useUpdatePurchaseOrder(storeId: string, orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrderChanges) => updatePurchaseOrder(storeId, orderId, input),
    onSuccess: () => purchaseOrderChanged(queryClient, storeId),
  });
}
