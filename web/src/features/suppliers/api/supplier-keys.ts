import { storeDataKeys } from '@/lib/query-keys';
import type { SupplierProductParams } from './types';

export { storeDataKeys };

export const supplierKeys = {
  all: storeDataKeys.suppliers,
  list: storeDataKeys.supplierList,
  detail: (storeId: string, id: string) =>
    [...storeDataKeys.suppliers(storeId), 'detail', id] as const,
  performance: (storeId: string, id: string, months: number) =>
    [...supplierKeys.detail(storeId, id), 'performance', months] as const,
  // Under the supplier: its orders change the last costs and dates shown.
  products: (storeId: string, id: string, params: SupplierProductParams) =>
    [...supplierKeys.detail(storeId, id), 'products', params] as const,
};
