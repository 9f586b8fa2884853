import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderChanged } from './purchase-order-changed';
import type { PurchaseOrder, StatusInput } from './types';

export function setOrderStatus(
  storeId: string,
  orderId: string,
  input: StatusInput,
): Promise<PurchaseOrder> {
  return apiClient.patch('/stores/{storeId}/purchase-orders/{id}/status', {
    path: { storeId, id: orderId },
    body: input,
  });
}

export function useSetOrderStatus(storeId: string, orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StatusInput) => setOrderStatus(storeId, orderId, input),
    onSuccess: () => purchaseOrderChanged(queryClient, storeId),
  });
}
