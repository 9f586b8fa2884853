import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import { apiClient } from '@/lib/api-client';
import type { QueryParams, Schemas } from '@/lib/api/types';
import { readCatalogue, searchCatalogue } from '@/lib/offline-catalogue';
import { storeDataKeys } from '@/lib/query-keys';

export type SearchHit = Schemas['ProductSearchHit'];
type SearchParams = QueryParams<'searchProducts'>;

/**
 * Type-ahead: exact barcode or SKU first, then names, then look-alikes (typos). When the server
 * cannot be reached, the store's offline catalogue answers (kept by an open till; no typo
 * correction there); without one the network error stands.
 */
export async function searchProducts(storeId: string, params: SearchParams): Promise<SearchHit[]> {
  try {
    return await apiClient.get('/stores/{storeId}/products/search', {
      path: { storeId },
      query: params,
    });
  } catch (error) {
    if (!isAxiosError(error) || error.response || error.code === 'ERR_CANCELED') throw error;
    const catalogue = await readCatalogue(storeId).catch(() => undefined);
    if (!catalogue) throw error;
    return searchCatalogue(catalogue, params.q, params.limit ?? 8);
  }
}

export function searchProductsQueryOptions(storeId: string, params: SearchParams) {
  return queryOptions({
    queryKey: storeDataKeys.productSearch(storeId, params),
    queryFn: () => searchProducts(storeId, params),
    // A scanner repeats the same code quickly, and typing back and forth repeats texts.
    staleTime: 15_000,
    // Offline the request fails at once and the offline catalogue answers instead of waiting.
    networkMode: 'always',
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
