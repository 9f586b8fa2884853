import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { QueryParams, Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

export type SearchHit = Schemas['ProductSearchHit'];
type SearchParams = QueryParams<'searchProducts'>;

/** Type-ahead: exact barcode or SKU first, then names, then look-alikes (typos). */
export function searchProducts(storeId: string, params: SearchParams): Promise<SearchHit[]> {
  return apiClient.get('/stores/{storeId}/products/search', { path: { storeId }, query: params });
}

export function searchProductsQueryOptions(storeId: string, params: SearchParams) {
  return queryOptions({
    queryKey: storeDataKeys.productSearch(storeId, params),
    queryFn: () => searchProducts(storeId, params),
    // A scanner repeats the same code quickly, and typing back and forth repeats texts.
    staleTime: 15_000,
  });
}

/** Suggestions for what has been typed; nothing is asked for an empty text. */
export function useProductSearch(storeId: string, text: string, limit = 8) {
  const q = text.trim().slice(0, 100);
  return useQuery({
    ...searchProductsQueryOptions(storeId, { q, limit }),
    enabled: q.length > 0,
    // The previous suggestions stay while the next are on their way: no flicker per keystroke.
    placeholderData: keepPreviousData,
  });
}
