import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';
import { invoiceKeys } from './invoice-keys';
import type { InvoiceDetail, ReconcileInput } from './types';

export interface ReconcileVariables {
  input: ReconcileInput;
  idempotencyKey: string;
}

/** Once only: lines are matched to what was received, and only what is asked is received. */
export function reconcileInvoice(
  storeId: string,
  invoiceId: string,
  { input, idempotencyKey }: ReconcileVariables,
): Promise<InvoiceDetail> {
  return apiClient.post('/stores/{storeId}/invoices/{id}/reconcile', {
    path: { storeId, id: invoiceId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useReconcileInvoice(storeId: string, invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: ReconcileVariables) => reconcileInvoice(storeId, invoiceId, variables),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(storeId, invoiceId), invoice);
      // A reconciled invoice has nothing left to preview.
      queryClient.removeQueries({
        queryKey: [...invoiceKeys.detail(storeId, invoiceId), 'preview'],
      });
      // Stock may have gone up: products and the dashboard show it.
      return Promise.all([
        queryClient.invalidateQueries({
          queryKey: invoiceKeys.all(storeId),
          predicate: (q) => q.queryKey[5] !== 'preview',
        }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]);
    },
  });
}
