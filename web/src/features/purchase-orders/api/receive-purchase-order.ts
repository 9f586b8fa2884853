import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderChanged } from './purchase-order-changed';
import type { ReceiveInput, ReceiveResult } from './types';

export interface ReceiveVariables {
  input: ReceiveInput;
  idempotencyKey: string;
}

/** A delivery into stock; the key makes a retry after a lost answer add the stock once. */
export function receivePurchaseOrder(
  storeId: string,
  orderId: string,
  { input, idempotencyKey }: ReceiveVariables,
): Promise<ReceiveResult> {
  return apiClient.post('/stores/{storeId}/purchase-orders/{id}/receive', {
    path: { storeId, id: orderId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useReceivePurchaseOrder(storeId: string, orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: ReceiveVariables) => receivePurchaseOrder(storeId, orderId, variables),
    onSuccess: () => purchaseOrderChanged(queryClient, storeId, { stock: true }),
  });
}
