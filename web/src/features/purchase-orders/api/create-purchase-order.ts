import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderChanged } from './purchase-order-changed';
import type { OrderInput, PurchaseOrder } from './types';

export interface CreateOrderVariables {
  input: OrderInput;
  idempotencyKey: string;
}

export function createPurchaseOrder(
  storeId: string,
  { input, idempotencyKey }: CreateOrderVariables,
): Promise<PurchaseOrder> {
  return apiClient.post('/stores/{storeId}/purchase-orders', {
    path: { storeId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCreatePurchaseOrder(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CreateOrderVariables) => createPurchaseOrder(storeId, variables),
    onSuccess: () => purchaseOrderChanged(queryClient, storeId),
  });
}
