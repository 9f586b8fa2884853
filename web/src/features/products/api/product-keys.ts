import type { QueryParams } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';
import type { ProductListParams } from './types';

export { storeDataKeys };

/** A page of a product's movements or history. */
export type PageParams = Required<Pick<QueryParams<'listProductHistory'>, 'page' | 'limit'>>;

export const productKeys = {
  all: storeDataKeys.products,
  list: (storeId: string, params: ProductListParams) =>
    [...storeDataKeys.products(storeId), 'list', params] as const,
  detail: storeDataKeys.product,
  movements: (storeId: string, id: string, params: PageParams) =>
    [...productKeys.detail(storeId, id), 'movements', params] as const,
  history: (storeId: string, id: string, params: PageParams) =>
    [...productKeys.detail(storeId, id), 'history', params] as const,
};
