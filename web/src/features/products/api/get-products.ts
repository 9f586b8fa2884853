import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { productKeys } from './product-keys';
import type { Product, ProductListParams } from './types';

export function getProducts(storeId: string, params: ProductListParams): Promise<Paged<Product>> {
  return apiClient.list('/stores/{storeId}/products', { path: { storeId }, query: params });
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
