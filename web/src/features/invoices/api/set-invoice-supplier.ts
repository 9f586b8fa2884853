import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';
import { invoiceKeys } from './invoice-keys';
import type { InvoiceDetail } from './types';

export type SupplierInput = RequestBody<'setInvoiceSupplier'>;

/**
 * The invoice's supplier, set after upload (its name on the file matched none): the server
 * matches the lines again and the review then sees that supplier's orders and deliveries.
 */
export function setInvoiceSupplier(
  storeId: string,
  invoiceId: string,
  input: SupplierInput,
): Promise<InvoiceDetail> {
  return apiClient.patch('/stores/{storeId}/invoices/{id}', {
    path: { storeId, id: invoiceId },
    body: input,
  });
}

export function useSetInvoiceSupplier(storeId: string, invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SupplierInput) => setInvoiceSupplier(storeId, invoiceId, input),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(storeId, invoiceId), invoice);
      // The preview (keyed under the detail) and the list ask again.
      return queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId) });
    },
  });
}
