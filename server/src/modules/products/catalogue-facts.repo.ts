import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

/*
 * What forecasts and reorder decisions read of the catalogue (forecasting and shopping-lists
 * reach these through products.reads.ts): the products' own columns, the stock among them
 * (inventory's, kept on the product row).
 */

/** `reorder_point`: the product's own (its setting). */
export type SeriesProduct = Row<
  'products',
  'id' | 'name' | 'sku' | 'quantity' | 'category_id' | 'supplier_id' | 'cost' | 'reorder_point'
> & {
  /** `YYYY-MM-DD`: when its stock on hand expires. */
  expires_at: string | null;
  /** The store day the product was created. */
  created_day: string;
};

const PRODUCT_COLUMNS = `p.id, p.name, p.sku, p.quantity, p.category_id, p.supplier_id, p.cost,
  p.reorder_point, to_char(p.expires_at, 'YYYY-MM-DD') AS expires_at,
  to_char((p.created_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS created_day`;

export async function productsByIds(
  db: Db,
  storeId: string,
  timezone: string,
  ids: readonly string[],
): Promise<SeriesProduct[]> {
  const { rows } = await db.query<SeriesProduct>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.store_id = $1 AND p.id = ANY($3::uuid[])`,
    [storeId, timezone, ids],
  );
  return rows;
}

/** Every product of a category (inactive ones too: their past sales are the category's). */
export async function productsOfCategory(
  db: Db,
  storeId: string,
  timezone: string,
  categoryId: string,
): Promise<SeriesProduct[]> {
  const { rows } = await db.query<SeriesProduct>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.store_id = $1 AND p.category_id = $3`,
    [storeId, timezone, categoryId],
  );
  return rows;
}

/** The store's active products, a page at a time in id order (the recalculation's batches). */
export async function activeProductsAfter(
  db: Db,
  storeId: string,
  timezone: string,
  afterId: string | null,
  limit: number,
): Promise<SeriesProduct[]> {
  const { rows } = await db.query<SeriesProduct>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p
     WHERE p.store_id = $1 AND p.active AND ($3::uuid IS NULL OR p.id > $3::uuid)
     ORDER BY p.id LIMIT $4`,
    [storeId, timezone, afterId, limit],
  );
  return rows;
}

export async function countActiveProducts(db: Db, storeId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM products WHERE store_id = $1 AND active`,
    [storeId],
  );
  return one(rows).n;
}

export type ReorderProduct = Row<
  'products',
  'id' | 'name' | 'sku' | 'quantity' | 'supplier_id' | 'category_id' | 'cost' | 'reorder_point'
> & {
  created_day: string;
  /** `YYYY-MM-DD`: when its stock on hand expires. */
  expires_at: string | null;
};

/**
 * The store's active products within the filters (`suppliers`: the product's own), by name;
 * what they are bought at and from whom is the reorder decision's.
 */
export async function reorderProducts(
  db: Db,
  storeId: string,
  timezone: string,
  f: { productIds?: string[]; categories?: string[]; suppliers?: string[] },
): Promise<ReorderProduct[]> {
  const { rows } = await db.query<ReorderProduct>(
    `SELECT p.id, p.name, p.sku, p.quantity, p.supplier_id, p.category_id, p.cost, p.reorder_point,
       to_char(p.expires_at, 'YYYY-MM-DD') AS expires_at,
       to_char((p.created_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS created_day
     FROM products p
     WHERE p.store_id = $1 AND p.active
       AND ($3::uuid[] IS NULL OR p.id = ANY($3::uuid[]))
       AND ($4::uuid[] IS NULL OR p.category_id = ANY($4::uuid[]))
       AND ($5::uuid[] IS NULL OR p.supplier_id = ANY($5::uuid[]))
     ORDER BY p.name, p.id`,
    [storeId, timezone, f.productIds ?? null, f.categories ?? null, f.suppliers ?? null],
  );
  return rows;
}

/** A product as a reorder list weighs it: its stock, reorder settings, pack, cost and expiry. */
export interface ReorderCandidate {
  id: string;
  name: string;
  sku: string;
  cost: number | null;
  quantity: number;
  reorderPoint: number;
  reorderQuantity: number | null;
  packSize: number | null;
  expiresAt: string | null;
  supplierId: string | null;
}

type CandidateRow = Row<
  'products',
  | 'id'
  | 'name'
  | 'sku'
  | 'cost'
  | 'quantity'
  | 'reorder_point'
  | 'reorder_quantity'
  | 'pack_size'
  | 'supplier_id'
> & { expires_at: string | null };

const CANDIDATE_COLUMNS = `p.id, p.name, p.sku, p.cost, p.quantity, p.reorder_point, p.reorder_quantity,
  p.pack_size, to_char(p.expires_at, 'YYYY-MM-DD') AS expires_at, p.supplier_id`;

const toCandidate = (r: CandidateRow): ReorderCandidate => ({
  id: r.id,
  name: r.name,
  sku: r.sku,
  cost: r.cost === null ? null : Number(r.cost),
  quantity: r.quantity,
  reorderPoint: r.reorder_point,
  reorderQuantity: r.reorder_quantity,
  packSize: r.pack_size,
  expiresAt: r.expires_at,
  supplierId: r.supplier_id,
});

export interface CandidateFilter {
  threshold?: number;
  expiringBy?: string;
  soldWithinDays: number;
  categories?: string[];
  suppliers?: string[];
}

/**
 * Active products that may need reordering, by name: low (at/below their reorder point, or
 * under the threshold), expiring by `expiringBy`, or sold within `soldWithinDays` (only those
 * can have demand to cover), in the given categories and from the given suppliers (the
 * product's own, or `supplied`: the products those suppliers have offered, purchasing's
 * supplier items). The cheap filters here keep a large catalogue out of memory.
 */
export async function reorderCandidates(
  db: Db,
  storeId: string,
  f: CandidateFilter & { supplied?: readonly string[] },
): Promise<ReorderCandidate[]> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS}
     FROM products p
     WHERE p.store_id = $1 AND p.active
       AND (($2::int IS NULL AND p.quantity <= p.reorder_point) OR p.quantity < $2::int
            OR p.expires_at <= $3::date
            OR p.last_sold_at >= now() - make_interval(days => $4))
       AND ($5::uuid[] IS NULL OR p.category_id = ANY($5))
       AND ($6::uuid[] IS NULL OR p.supplier_id = ANY($6) OR p.id = ANY($7::uuid[]))
     ORDER BY p.name, p.id`,
    [
      storeId,
      f.threshold ?? null,
      f.expiringBy ?? null,
      f.soldWithinDays,
      f.categories ?? null,
      f.suppliers ?? null,
      f.supplied ?? [],
    ],
  );
  return rows.map(toCandidate);
}

/** These products of the store (active or not), by name: the reorder plan's, assessed alike. */
export async function reorderCandidatesByIds(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<ReorderCandidate[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM products p
     WHERE p.store_id = $1 AND p.id = ANY($2::uuid[]) ORDER BY p.name, p.id`,
    [storeId, ids],
  );
  return rows.map(toCandidate);
}
