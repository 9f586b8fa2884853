import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

type Product = Schemas['Product'];

export function getProduct(storeId: string, id: string): Promise<Product> {
  return apiClient.get('/stores/{storeId}/products/{id}', { path: { storeId, id } });
}

export function productQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: storeDataKeys.product(storeId, id),
    queryFn: () => getProduct(storeId, id),
  });
}

export function useProduct(storeId: string, id: string) {
  return useQuery(productQueryOptions(storeId, id));
}
