import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged, QueryParams, Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';
import type { SearchHit } from './use-product-search';

/** A product as the supplier's list gives it, with `lastCost` (its last unit cost there). */
export type SupplierItem = Schemas['Product'];
type Params = QueryParams<'listSupplierProducts'>;

/** A supplier's items (its products and those ordered from it), filtered as the list is. */
export function getSupplierItems(
  storeId: string,
  supplierId: string,
  params: Params,
): Promise<Paged<SupplierItem>> {
  return apiClient.list('/stores/{storeId}/suppliers/{id}/products', {
    path: { storeId, id: supplierId },
    query: params,
  });
}

// Under the products key: a sale or a stock change refreshes the stock shown.
const itemsKey = (storeId: string, supplierId: string, params: Params) =>
  [...storeDataKeys.products(storeId), 'supplier-items', supplierId, params] as const;

export const supplierItemsQueryOptions = (storeId: string, supplierId: string, params: Params) => ({
  queryKey: itemsKey(storeId, supplierId, params),
  queryFn: () => getSupplierItems(storeId, supplierId, params),
});

/** Type-ahead among one supplier's items: the picker on a purchase order of that supplier. */
export function useSupplierItemSearch(
  storeId: string,
  supplierId: string | undefined,
  text: string,
) {
  const q = text.trim().slice(0, 100);
  return useQuery({
    ...supplierItemsQueryOptions(storeId, supplierId ?? '', { search: q, limit: 8, active: true }),
    enabled: Boolean(supplierId) && q.length > 0,
    placeholderData: keepPreviousData,
    select: (page): SearchHit[] => page.items.map((p) => ({ ...p, match: 'name' })),
  });
}
