import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';
import type { StockFacts, SupplierOffer } from './suggestion';

/*
 * Read-model SQL over the catalogue, the suppliers and what they offer: what a reorder list
 * is generated and optimised from. Nothing here writes another module's tables.
 */

export interface CandidateProduct extends StockFacts {
  id: string;
  name: string;
  sku: string;
  cost: number | null;
}

type CandidateRow = Row<
  'products',
  'id' | 'name' | 'sku' | 'cost' | 'quantity' | 'reorder_point' | 'reorder_quantity' | 'pack_size'
> & { expires_at: string | null };

const COLUMNS = `p.id, p.name, p.sku, p.cost, p.quantity, p.reorder_point, p.reorder_quantity,
  p.pack_size, to_char(p.expires_at, 'YYYY-MM-DD') AS expires_at`;

const toCandidate = (r: CandidateRow): CandidateProduct => ({
  id: r.id,
  name: r.name,
  sku: r.sku,
  cost: r.cost === null ? null : Number(r.cost),
  quantity: r.quantity,
  reorderPoint: r.reorder_point,
  reorderQuantity: r.reorder_quantity,
  packSize: r.pack_size,
  expiresAt: r.expires_at,
});

/**
 * Active products that may need reordering: low (at/below their reorder point, or under the
 * threshold), expiring by `expiringBy`, or sold within `soldWithinDays` (only those can have
 * demand to cover), in the given categories and from the given suppliers (the product's own
 * or one that has offered it). The cheap filters here keep a large catalogue out of memory.
 */
export async function candidates(
  db: Db,
  storeId: string,
  f: {
    threshold?: number;
    expiringBy?: string;
    soldWithinDays: number;
    categories?: string[];
    suppliers?: string[];
  },
): Promise<CandidateProduct[]> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${COLUMNS}
     FROM products p
     WHERE p.store_id = $1 AND p.active
       AND (($2::int IS NULL AND p.quantity <= p.reorder_point) OR p.quantity < $2::int
            OR p.expires_at <= $3::date
            OR p.last_sold_at >= now() - make_interval(days => $4))
       AND ($5::uuid[] IS NULL OR p.category_id = ANY($5))
       AND ($6::uuid[] IS NULL OR p.supplier_id = ANY($6) OR EXISTS (
             SELECT 1 FROM supplier_items si
             WHERE si.store_id = $1 AND si.product_id = p.id AND si.supplier_id = ANY($6)))
     ORDER BY p.name, p.id`,
    [
      storeId,
      f.threshold ?? null,
      f.expiringBy ?? null,
      f.soldWithinDays,
      f.categories ?? null,
      f.suppliers ?? null,
    ],
  );
  return rows.map(toCandidate);
}

/** These products of the store (active or not), by name: the reorder plan's, assessed alike. */
export async function candidatesByIds(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<CandidateProduct[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${COLUMNS} FROM products p
     WHERE p.store_id = $1 AND p.id = ANY($2::uuid[]) ORDER BY p.name, p.id`,
    [storeId, ids],
  );
  return rows.map(toCandidate);
}

type OfferRow = Row<'suppliers', 'name' | 'status'> & {
  product_id: string;
  supplier_id: string;
  cost: string | null;
  min_order_quantity: number;
  own: boolean;
};

/**
 * Every supplier each product can be bought from: the product's own supplier (at the
 * product's cost unless it has offered a price) and every supplier that has offered it
 * (`supplier_items`, at its last cost). Lead times come from forecasting (supplier-options.ts).
 */
export async function supplierOffers(
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, SupplierOffer[]>> {
  const out = new Map<string, SupplierOffer[]>(productIds.map((id) => [id, []]));
  if (!productIds.length) return out;
  const { rows } = await db.query<OfferRow>(
    `WITH pairs AS (
       SELECT p.id AS product_id, p.supplier_id FROM products p
       WHERE p.store_id = $1 AND p.id = ANY($2::uuid[]) AND p.supplier_id IS NOT NULL
       UNION
       SELECT si.product_id, si.supplier_id FROM supplier_items si
       WHERE si.store_id = $1 AND si.product_id = ANY($2::uuid[])
     )
     SELECT pr.product_id, s.id AS supplier_id, s.name, s.status,
       coalesce(si.last_cost, CASE WHEN s.id = p.supplier_id THEN p.cost END) AS cost,
       coalesce(si.min_order_quantity, 1) AS min_order_quantity,
       s.id IS NOT DISTINCT FROM p.supplier_id AS own
     FROM pairs pr
     JOIN products p ON p.store_id = $1 AND p.id = pr.product_id
     JOIN suppliers s ON s.store_id = $1 AND s.id = pr.supplier_id
     LEFT JOIN supplier_items si
       ON si.store_id = $1 AND si.supplier_id = pr.supplier_id AND si.product_id = pr.product_id`,
    [storeId, productIds],
  );
  for (const r of rows) {
    out.get(r.product_id)?.push({
      supplierId: r.supplier_id,
      name: r.name,
      cost: r.cost === null ? null : Number(r.cost),
      minOrderQuantity: r.min_order_quantity,
      own: r.own,
      usable: r.status !== 'inactive' && r.status !== 'on-hold',
    });
  }
  return out;
}

/** The ids among `ids` that are this store's rows of `table` (categories or suppliers). */
export async function existingIds(
  db: Db,
  storeId: string,
  table: 'categories' | 'suppliers',
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE store_id = $1 AND id = ANY($2::uuid[])`,
    [storeId, ids],
  );
  return new Set(rows.map((r) => r.id));
}
