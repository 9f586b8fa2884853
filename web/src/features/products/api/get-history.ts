import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { productKeys, type PageParams } from './product-keys';
import type { HistoryEntry } from './types';

/** Field-level changes of a product: who changed what, from which value to which. */
export function getHistory(
  storeId: string,
  productId: string,
  params: PageParams,
): Promise<Paged<HistoryEntry>> {
  return apiClient.list('/stores/{storeId}/products/{id}/history', {
    path: { storeId, id: productId },
    query: params,
  });
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
