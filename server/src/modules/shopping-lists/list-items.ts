import { byId, nameRank } from '../../core/ids';
import type { Db } from '../../db/pool';
import type { ReorderSources } from './reorder-sources';
import * as repo from './shopping-lists.repo';
import type { Priority } from './suggestion';

const PRIORITY_ORDER: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

/**
 * A list's items with their product (name, SKU, stock, expiry, pack), their suppliers' names
 * and their order's number and total, from the modules that own them (one query each for the
 * whole list), in the list's order: by supplier name (none last), priority, product name.
 */
export async function listItems(
  sources: ReorderSources,
  db: Db,
  storeId: string,
  listId: string,
): Promise<repo.ItemRow[]> {
  const rows = await repo.items(db, storeId, listId);
  const products = new Map(
    (
      await sources.products.reorder.candidatesByIds(db, storeId, [
        ...new Set(rows.map((r) => r.product_id)),
      ])
    ).map((p) => [p.id, p]),
  );
  const suppliers = await sources.suppliers.summariesOf(
    db,
    storeId,
    rows.flatMap((r) => [r.supplier_id, r.passed_over_supplier_id]),
  );
  const orders = await sources.orders(
    db,
    storeId,
    rows.map((r) => r.purchase_order_id),
  );
  const productRank = nameRank(products);
  const supplierRank = nameRank(suppliers);
  const supplierOf = (id: string | null) => (id ? suppliers.get(id) : undefined);
  const items = rows.flatMap((r): Array<repo.ItemRow> => {
    // An item goes with its product (deleted with it).
    const p = products.get(r.product_id);
    if (!p) return [];
    const order = r.purchase_order_id ? orders.get(r.purchase_order_id) : undefined;
    return [
      {
        ...r,
        product_name: p.name,
        sku: p.sku,
        stock: p.quantity,
        expires_at: p.expiresAt,
        pack_size: p.packSize,
        supplier_name: supplierOf(r.supplier_id)?.name ?? null,
        order_number: order?.orderNumber ?? null,
        order_total: order?.total ?? null,
        passed_over_supplier_name: supplierOf(r.passed_over_supplier_id)?.name ?? null,
      },
    ];
  });
  const bySupplier = (r: repo.ItemRow) =>
    r.supplier_id && suppliers.has(r.supplier_id)
      ? supplierRank(r.supplier_id)
      : Number.MAX_SAFE_INTEGER;
  return items.sort(
    (a, b) =>
      bySupplier(a) - bySupplier(b) ||
      PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
      productRank(a.product_id) - productRank(b.product_id) ||
      byId(a.id, b.id),
  );
}

/** Lists as the views show them, with who made each (the auth module's names). */
export async function withCreators(
  sources: ReorderSources,
  db: Db,
  rows: repo.StoredListRow[],
): Promise<repo.ListRow[]> {
  const names = await sources.userNames(
    db,
    rows.map((r) => r.created_by),
  );
  return rows.map((r) => ({
    ...r,
    created_by_name: r.created_by ? (names.get(r.created_by) ?? null) : null,
  }));
}
