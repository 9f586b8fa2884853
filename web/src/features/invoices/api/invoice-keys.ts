import { storeDataKeys } from '@/lib/query-keys';
import type { InvoiceListParams } from './types';

export const invoiceKeys = {
  all: storeDataKeys.invoices,
  list: (storeId: string, params: InvoiceListParams) =>
    [...invoiceKeys.all(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) => [...invoiceKeys.all(storeId), 'detail', id] as const,
};
