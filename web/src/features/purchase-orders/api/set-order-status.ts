import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderChanged } from './purchase-order-changed';
import { purchaseOrdersPath } from './purchase-order-keys';
import type { PurchaseOrder, StatusInput } from './types';

export function setOrderStatus(
  storeId: string,
  orderId: string,
  input: StatusInput,
): Promise<PurchaseOrder> {
  return apiClient.patch<PurchaseOrder>(purchaseOrdersPath(storeId, orderId, 'status'), input);
}

export function useSetOrderStatus(storeId: string, orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StatusInput) => setOrderStatus(storeId, orderId, input),
    onSuccess: () => purchaseOrderChanged(queryClient, storeId),
  });
}
