import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invoiceKeys, invoicesPath } from './invoice-keys';
import type { InvoiceDetail } from './types';

export function setInvoiceStatus(
  storeId: string,
  invoiceId: string,
  status: 'pending' | 'paid',
): Promise<InvoiceDetail> {
  return apiClient.put<InvoiceDetail>(
    invoicesPath(storeId, `${encodeURIComponent(invoiceId)}/status`),
    { status },
  );
}

export function useSetInvoiceStatus(storeId: string, invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: 'pending' | 'paid') => setInvoiceStatus(storeId, invoiceId, status),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(storeId, invoiceId), invoice);
      return queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId) });
    },
  });
}
