import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Paged, SuccessEnvelope } from '../../../lib/api-types';
import { toPaged } from '../../../lib/paged';
import { productKeys, productPath, type PageParams } from './product-keys';
import type { Movement } from './stock-types';

export async function getMovements(
  storeId: string,
  productId: string,
  params: PageParams,
): Promise<Paged<Movement>> {
  const res = await api.get<SuccessEnvelope<Movement[]>>(
    productPath(storeId, productId, 'movements'),
    { params },
  );
  return toPaged(res);
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
