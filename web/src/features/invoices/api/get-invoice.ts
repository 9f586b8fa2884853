import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invoiceKeys } from './invoice-keys';
import type { InvoiceDetail } from './types';

export function getInvoice(storeId: string, id: string): Promise<InvoiceDetail> {
  return apiClient.get('/stores/{storeId}/invoices/{id}', { path: { storeId, id } });
}

export function invoiceQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: invoiceKeys.detail(storeId, id),
    queryFn: () => getInvoice(storeId, id),
  });
}

export function useInvoice(storeId: string, id: string) {
  return useQuery(invoiceQueryOptions(storeId, id));
}
