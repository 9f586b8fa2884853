import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { saleKeys } from './sale-keys';
import type { TopSeller, TopSellerParams } from './types';

export function getTopSellers(storeId: string, params: TopSellerParams): Promise<TopSeller[]> {
  return apiClient.get('/stores/{storeId}/products/top-sellers', {
    path: { storeId },
    query: params,
  });
}

export function topSellersQueryOptions(storeId: string, params: TopSellerParams) {
  return queryOptions({
    queryKey: saleKeys.topSellers(storeId, params),
    queryFn: () => getTopSellers(storeId, params),
  });
}

/** The store's most-sold products of the last 30 days, most first. */
export function useTopSellers(storeId: string, limit = 12) {
  return useQuery(topSellersQueryOptions(storeId, { limit }));
}
