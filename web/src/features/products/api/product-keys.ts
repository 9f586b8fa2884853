import type { QueryParams } from '@/lib/api/types';
import { storeDataKeys, storePath } from '@/lib/query-keys';
import type { ProductListParams, SearchParams, TopSellerParams } from './types';

export { storeDataKeys };

/** A page of a product's movements or history. */
export type PageParams = Required<Pick<QueryParams<'listProductHistory'>, 'page' | 'limit'>>;

export const productKeys = {
  all: storeDataKeys.products,
  list: (storeId: string, params: ProductListParams) =>
    [...storeDataKeys.products(storeId), 'list', params] as const,
  // Under the products key: a sale or a stock change refreshes stock shown in suggestions.
  search: (storeId: string, params: SearchParams) =>
    [...storeDataKeys.products(storeId), 'search', params] as const,
  topSellers: (storeId: string, params: TopSellerParams) =>
    [...storeDataKeys.products(storeId), 'top-sellers', params] as const,
  detail: (storeId: string, id: string) =>
    [...storeDataKeys.products(storeId), 'detail', id] as const,
  movements: (storeId: string, id: string, params: PageParams) =>
    [...productKeys.detail(storeId, id), 'movements', params] as const,
  history: (storeId: string, id: string, params: PageParams) =>
    [...productKeys.detail(storeId, id), 'history', params] as const,
  job: (storeId: string, jobId: string) => ['stores', storeId, 'jobs', jobId] as const,
};

export function productsPath(storeId: string, rest?: string): string {
  return storePath(storeId, rest ? `products/${rest}` : 'products');
}

export function productPath(storeId: string, id: string, rest?: string): string {
  return productsPath(storeId, `${encodeURIComponent(id)}${rest ? `/${rest}` : ''}`);
}
