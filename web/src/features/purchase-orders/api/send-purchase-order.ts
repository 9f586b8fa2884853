import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderChanged } from './purchase-order-changed';
import type { PurchaseOrder, SendInput } from './types';

/** E-mails the order's PDF to its supplier (or `to`); the order answers with `sentAt`. */
export function sendPurchaseOrder(
  storeId: string,
  orderId: string,
  input: SendInput,
): Promise<PurchaseOrder> {
  return apiClient.post('/stores/{storeId}/purchase-orders/{id}/send', {
    path: { storeId, id: orderId },
    body: input,
  });
}

export function useSendPurchaseOrder(storeId: string, orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendInput) => sendPurchaseOrder(storeId, orderId, input),
    onSuccess: () => purchaseOrderChanged(queryClient, storeId),
  });
}
