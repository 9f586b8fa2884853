import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { productKeys, type PageParams } from './product-keys';
import type { Movement } from './types';

export function getMovements(
  storeId: string,
  productId: string,
  params: PageParams,
): Promise<Paged<Movement>> {
  return apiClient.list('/stores/{storeId}/products/{id}/movements', {
    path: { storeId, id: productId },
    query: params,
  });
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
