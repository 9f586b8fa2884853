import { storeDataKeys, storePath } from '@/lib/query-keys';
import type { SupplierListParams } from './types';

export { storeDataKeys };

export const supplierKeys = {
  all: storeDataKeys.suppliers,
  list: (storeId: string, params: SupplierListParams) =>
    [...storeDataKeys.suppliers(storeId), 'list', params] as const,
};

export function suppliersPath(storeId: string, id?: string): string {
  return storePath(storeId, id ? `suppliers/${encodeURIComponent(id)}` : 'suppliers');
}
