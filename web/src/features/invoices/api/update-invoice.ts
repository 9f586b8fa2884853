import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';
import { invoiceKeys } from './invoice-keys';
import type { InvoiceDetail } from './types';

export type InvoiceCorrection = RequestBody<'updateInvoice'>;

/**
 * Corrects the invoice's header: its supplier (the server matches the lines again and the
 * review then sees that supplier's orders and deliveries), its number or its date.
 */
export function updateInvoice(
  storeId: string,
  invoiceId: string,
  input: InvoiceCorrection,
): Promise<InvoiceDetail> {
  return apiClient.patch('/stores/{storeId}/invoices/{id}', {
    path: { storeId, id: invoiceId },
    body: input,
  });
}

export function useUpdateInvoice(storeId: string, invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvoiceCorrection) => updateInvoice(storeId, invoiceId, input),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(storeId, invoiceId), invoice);
      // The preview (keyed under the detail) and the list ask again.
      return queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId) });
    },
  });
}
