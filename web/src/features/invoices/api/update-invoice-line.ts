import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';
import { invoiceKeys } from './invoice-keys';
import type { InvoiceDetail } from './types';

export type LineChange = RequestBody<'updateInvoiceLine'> & { lineId: string };

/** Saves a line's corrected match (a product picked, created, or none) before reconciling. */
export function updateInvoiceLine(
  storeId: string,
  invoiceId: string,
  { lineId, ...body }: LineChange,
): Promise<InvoiceDetail> {
  return apiClient.patch('/stores/{storeId}/invoices/{id}/lines/{lineId}', {
    path: { storeId, id: invoiceId, lineId },
    body,
  });
}

export function useUpdateInvoiceLine(storeId: string, invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: LineChange) => updateInvoiceLine(storeId, invoiceId, change),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(storeId, invoiceId), invoice);
      return queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId), exact: false });
    },
  });
}
