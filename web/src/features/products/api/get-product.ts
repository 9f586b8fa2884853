import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { productKeys, productPath } from './product-keys';
import type { Product } from './types';

export async function getProduct(storeId: string, id: string): Promise<Product> {
  const res = await api.get<SuccessEnvelope<Product>>(productPath(storeId, id));
  return res.data.data;
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
