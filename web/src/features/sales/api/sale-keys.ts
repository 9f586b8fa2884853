import { storeDataKeys, storePath } from '@/lib/query-keys';
import type { SaleListParams } from './types';

export { storeDataKeys };

export const saleKeys = {
  all: storeDataKeys.sales,
  list: (storeId: string, params: SaleListParams) =>
    [...storeDataKeys.sales(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) => [...storeDataKeys.sales(storeId), 'detail', id] as const,
  refund: (storeId: string, id: string) => [...storeDataKeys.sales(storeId), 'refund', id] as const,
};

export function salesPath(storeId: string, id?: string): string {
  return storePath(storeId, id ? `sales/${encodeURIComponent(id)}` : 'sales');
}
