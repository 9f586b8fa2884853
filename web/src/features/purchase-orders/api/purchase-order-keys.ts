import { storeDataKeys } from '@/lib/query-keys';
import type { OrderListParams } from './types';

export { storeDataKeys };

export const purchaseOrderKeys = {
  all: storeDataKeys.purchaseOrders,
  list: (storeId: string, params: OrderListParams) =>
    [...storeDataKeys.purchaseOrders(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) =>
    [...storeDataKeys.purchaseOrders(storeId), 'detail', id] as const,
  receipts: (storeId: string, id: string) =>
    [...purchaseOrderKeys.detail(storeId, id), 'receipts'] as const,
};
