import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Paged, SuccessEnvelope } from '../../../lib/api-types';
import { toPaged } from '../../../lib/paged';
import { productKeys, productPath, type PageParams } from './product-keys';
import type { HistoryEntry } from './stock-types';

/** Field-level changes of a product: who changed what, from which value to which. */
export async function getHistory(
  storeId: string,
  productId: string,
  params: PageParams,
): Promise<Paged<HistoryEntry>> {
  const res = await api.get<SuccessEnvelope<HistoryEntry[]>>(
    productPath(storeId, productId, 'history'),
    { params },
  );
  return toPaged(res);
}

export function historyQueryOptions(storeId: string, productId: string, params: PageParams) {
  return queryOptions({
    queryKey: productKeys.history(storeId, productId, params),
    queryFn: () => getHistory(storeId, productId, params),
    placeholderData: keepPreviousData,
  });
}

export function useHistory(storeId: string, productId: string, params: PageParams) {
  return useQuery(historyQueryOptions(storeId, productId, params));
}
