import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { productKeys, productPath, type PageParams } from './product-keys';
import type { Movement } from './types';

export function getMovements(
  storeId: string,
  productId: string,
  params: PageParams,
): Promise<Paged<Movement>> {
  return apiClient.list<Movement>(productPath(storeId, productId, 'movements'), params);
}

export function movementsQueryOptions(storeId: string, productId: string, params: PageParams) {
  return queryOptions({
    queryKey: productKeys.movements(storeId, productId, params),
    queryFn: () => getMovements(storeId, productId, params),
    placeholderData: keepPreviousData,
  });
}

export function useMovements(storeId: string, productId: string, params: PageParams) {
  return useQuery(movementsQueryOptions(storeId, productId, params));
}
