import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { productKeys, productPath } from './product-keys';
import type { Product } from './types';

export function getProduct(storeId: string, id: string): Promise<Product> {
  return apiClient.get<Product>(productPath(storeId, id));
}

export function productQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: productKeys.detail(storeId, id),
    queryFn: () => getProduct(storeId, id),
  });
}

export function useProduct(storeId: string, id: string) {
  return useQuery(productQueryOptions(storeId, id));
}
