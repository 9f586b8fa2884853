import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import type { ProductPick } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';
import { searchProductsQueryOptions, type SearchHit } from './use-product-search';

/** Just what a picker keeps: a search hit or a top seller carries more. */
export function toPick(p: ProductPick): ProductPick {
  const { id, name, sku, barcode, brand, unit, price, quantity, lowStock } = p;
  return { id, name, sku, barcode, brand, unit, price, quantity, lowStock };
}

function exactCode(hits: SearchHit[]): ProductPick | null {
  const hit = hits.find((h) => h.match === 'barcode' || h.match === 'sku');
  return hit ? toPick(hit) : null;
}

// Offline, a code can still name a product this page has already seen: one scanned,
// suggested or shown among the top sellers earlier in the shift.
function seenBefore(queryClient: QueryClient, storeId: string, code: string): ProductPick | null {
  const wanted = code.toLowerCase();
  for (const [, data] of queryClient.getQueriesData<unknown>({
    queryKey: storeDataKeys.products(storeId),
  })) {
    if (!Array.isArray(data)) continue;
    const found = (data as ProductPick[]).find(
      (p) => p?.barcode === code || p?.sku?.toLowerCase() === wanted,
    );
    if (found) return toPick(found);
  }
  return null;
}

/**
 * What a scanned or typed code names: the product with that barcode, else the one whose SKU it
 * is (case-insensitive); null when neither exists. Exact code hits come first in the search.
 */
export function useFindProductByCode(storeId: string) {
  const queryClient = useQueryClient();
  return async (code: string): Promise<ProductPick | null> => {
    try {
      const hits = await queryClient.fetchQuery({
        ...searchProductsQueryOptions(storeId, { q: code, limit: 2 }),
        // A scan answers now: offline it fails at once instead of waiting for a connection.
        networkMode: 'always',
        retry: false,
      });
      return exactCode(hits);
    } catch (error) {
      const unanswered = isAxiosError(error) && !error.response;
      const seen = unanswered ? seenBefore(queryClient, storeId, code) : null;
      if (seen) return seen;
      throw error;
    }
  };
}
