import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Paged, SuccessEnvelope } from '../../../lib/api-types';
import { cleanParams, toPaged } from '../../../lib/paged';
import { productKeys, productsPath } from './product-keys';
import type { Product, ProductListParams } from './types';

export async function getProducts(
  storeId: string,
  params: ProductListParams,
): Promise<Paged<Product>> {
  const res = await api.get<SuccessEnvelope<Product[]>>(productsPath(storeId), {
    params: cleanParams({ ...params }),
  });
  return toPaged(res);
}

export function productsQueryOptions(storeId: string, params: ProductListParams) {
  return queryOptions({
    queryKey: productKeys.list(storeId, params),
    queryFn: () => getProducts(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useProducts(storeId: string, params: ProductListParams) {
  return useQuery(productsQueryOptions(storeId, params));
}
