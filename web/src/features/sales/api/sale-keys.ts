import { storeDataKeys } from '@/lib/query-keys';
import type { SaleListParams, TopSellerParams } from './types';

export { storeDataKeys };

export const saleKeys = {
  all: storeDataKeys.sales,
  list: (storeId: string, params: SaleListParams) =>
    [...storeDataKeys.sales(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) => [...storeDataKeys.sales(storeId), 'detail', id] as const,
  refund: (storeId: string, id: string) => [...storeDataKeys.sales(storeId), 'refund', id] as const,
  // Under the products key: a sale or a stock change refreshes the till's tiles.
  topSellers: (storeId: string, params: TopSellerParams) =>
    [...storeDataKeys.products(storeId), 'top-sellers', params] as const,
};
