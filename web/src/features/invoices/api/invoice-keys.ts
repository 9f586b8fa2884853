import type { InvoiceListParams } from './types';

export const invoiceKeys = {
  all: (storeId: string) => ['stores', storeId, 'invoices'] as const,
  list: (storeId: string, params: InvoiceListParams) =>
    [...invoiceKeys.all(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) => [...invoiceKeys.all(storeId), 'detail', id] as const,
};
