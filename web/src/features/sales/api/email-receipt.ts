import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';

export type EmailReceiptInput = RequestBody<'emailSaleReceipt'>;

/** E-mails the sale's receipt to `email`, else to the customer's e-mail on the sale. */
export function emailReceipt(storeId: string, saleId: string, body: EmailReceiptInput) {
  return apiClient.post('/stores/{storeId}/sales/{id}/receipt/email', {
    path: { storeId, id: saleId },
    body,
  });
}

export function useEmailReceipt(storeId: string, saleId: string) {
  return useMutation({
    mutationFn: (body: EmailReceiptInput) => emailReceipt(storeId, saleId, body),
  });
}
