import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { invoiceKeys } from './invoice-keys';
import type { Invoice, InvoiceListParams } from './types';

export function getInvoices(storeId: string, params: InvoiceListParams): Promise<Paged<Invoice>> {
  return apiClient.list('/stores/{storeId}/invoices', { path: { storeId }, query: params });
}

export function invoicesQueryOptions(storeId: string, params: InvoiceListParams) {
  return queryOptions({
    queryKey: invoiceKeys.list(storeId, params),
    queryFn: () => getInvoices(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useInvoices(storeId: string, params: InvoiceListParams) {
  return useQuery(invoicesQueryOptions(storeId, params));
}
