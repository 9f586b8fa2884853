import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';
import { invoiceKeys, invoicesPath } from './invoice-keys';
import type { InvoiceDetail, ReconcileInput } from './types';

export interface ReconcileVariables {
  input: ReconcileInput;
  idempotencyKey: string;
}

/** Once only: the confirmed quantities are received into stock. */
export function reconcileInvoice(
  storeId: string,
  invoiceId: string,
  { input, idempotencyKey }: ReconcileVariables,
): Promise<InvoiceDetail> {
  return apiClient.post<InvoiceDetail>(
    invoicesPath(storeId, `${encodeURIComponent(invoiceId)}/reconcile`),
    input,
    { headers: { 'Idempotency-Key': idempotencyKey } },
  );
}

export function useReconcileInvoice(storeId: string, invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: ReconcileVariables) => reconcileInvoice(storeId, invoiceId, variables),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(storeId, invoiceId), invoice);
      // Stock went up: products and the dashboard show it.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]);
    },
  });
}
