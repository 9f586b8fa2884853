import type { QueryClient } from '@tanstack/react-query';
import { toPick } from '@/hooks/use-find-product-by-code';
import { supplierItemsQueryOptions, type SupplierItem } from '@/hooks/use-supplier-items';
import type { DraftLine } from './order-lines-editor';

/**
 * How many to order of a low item: its reorder quantity when set, else up to twice its
 * reorder point (at least one).
 */
export const suggestedQuantity = (
  p: Pick<SupplierItem, 'reorderQuantity' | 'reorderPoint' | 'quantity'>,
) => p.reorderQuantity ?? Math.max(1, p.reorderPoint * 2 - p.quantity);

/**
 * The supplier's active items at or below their reorder point (the first 100, lowest stock
 * first), as order lines at the supplier's last cost (else the product's cost).
 */
export async function lowStockItems(
  queryClient: QueryClient,
  storeId: string,
  supplierId: string,
): Promise<DraftLine[]> {
  const page = await queryClient.fetchQuery(
    supplierItemsQueryOptions(storeId, supplierId, {
      lowStock: true,
      active: true,
      limit: 100,
      sort: 'quantity',
      order: 'asc',
    }),
  );
  return page.items.map((p) => ({
    product: toPick(p),
    quantity: String(suggestedQuantity(p)),
    unitCost: (p.lastCost ?? p.cost ?? 0).toFixed(2),
  }));
}
