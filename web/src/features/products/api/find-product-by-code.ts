import { useQueryClient } from '@tanstack/react-query';
import { searchProductsQueryOptions } from './search-products';
import type { ProductPick, SearchHit } from './types';

/** Just what a picker keeps: a search hit or a top seller carries more. */
export function toPick(p: ProductPick): ProductPick {
  const { id, name, sku, barcode, brand, unit, price, quantity, lowStock } = p;
  return { id, name, sku, barcode, brand, unit, price, quantity, lowStock };
}

function exactCode(hits: SearchHit[]): ProductPick | null {
  const hit = hits.find((h) => h.match === 'barcode' || h.match === 'sku');
  return hit ? toPick(hit) : null;
}

/**
 * What a scanned or typed code names: the product with that barcode, else the one whose SKU it
 * is (case-insensitive); null when neither exists. Exact code hits come first in the search.
 */
export function useFindProductByCode(storeId: string) {
  const queryClient = useQueryClient();
  return async (code: string) =>
    exactCode(
      await queryClient.fetchQuery(searchProductsQueryOptions(storeId, { q: code, limit: 2 })),
    );
}
