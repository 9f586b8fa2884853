import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invoiceKeys } from './invoice-keys';
import type { InvoiceDetail, StatusInput } from './types';

/**
 * Paid or pending again. Paying an invoice that is not reconciled or does not add up answers
 * 409 CONFIRMATION_REQUIRED until `confirm` says the person confirms each reason.
 */
export function setInvoiceStatus(
  storeId: string,
  invoiceId: string,
  input: StatusInput,
): Promise<InvoiceDetail> {
  return apiClient.put('/stores/{storeId}/invoices/{id}/status', {
    path: { storeId, id: invoiceId },
    body: input,
  });
}

export function useSetInvoiceStatus(storeId: string, invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StatusInput) => setInvoiceStatus(storeId, invoiceId, input),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(storeId, invoiceId), invoice);
      return queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId) });
    },
  });
}
