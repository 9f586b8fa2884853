import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

export type SalesDay = Row<'sale_items', 'product_id'> & { day: string; units: number };

/**
 * Units sold per product and store-local day over [from, to) (store days, `YYYY-MM-DD`),
 * counted as reorder lists count demand (shopping-lists/demand.ts): completed sales less the
 * units refunded from them, on the day of the sale (a refund undoes demand, it is not a day
 * of negative demand); voided sales count for nothing. Days without sales are absent (the
 * caller zero-fills). One query for a batch of products, through sale_items' (store,
 * product, sold_at) index.
 */
export async function salesByDay(
  db: Db,
  storeId: string,
  timezone: string,
  productIds: readonly string[],
  from: string,
  to: string,
): Promise<SalesDay[]> {
  if (!productIds.length) return [];
  const { rows } = await db.query<SalesDay>(
    `WITH w AS (
       SELECT ($4::date::timestamp AT TIME ZONE $3) AS lo, ($5::date::timestamp AT TIME ZONE $3) AS hi
     ), voided AS (
       SELECT s.id FROM sales s, w
       WHERE s.store_id = $1 AND s.status = 'voided' AND s.sold_at >= w.lo AND s.sold_at < w.hi
     ), sold AS (
       SELECT si.product_id, (si.sold_at AT TIME ZONE $3)::date AS day, sum(si.quantity) AS units
       FROM sale_items si, w
       WHERE si.store_id = $1 AND si.product_id = ANY($2::uuid[])
         AND si.sold_at >= w.lo AND si.sold_at < w.hi
         AND si.sale_id NOT IN (SELECT id FROM voided)
       GROUP BY 1, 2
     ), refunded AS (
       SELECT ri.product_id, (si.sold_at AT TIME ZONE $3)::date AS day, sum(ri.quantity) AS units
       FROM sale_refund_items ri JOIN sale_items si ON si.id = ri.sale_item_id, w
       WHERE ri.store_id = $1 AND ri.product_id = ANY($2::uuid[])
         AND si.sold_at >= w.lo AND si.sold_at < w.hi
         AND si.sale_id NOT IN (SELECT id FROM voided)
       GROUP BY 1, 2
     )
     SELECT s.product_id, to_char(s.day, 'YYYY-MM-DD') AS day,
       greatest(s.units - coalesce(r.units, 0), 0)::float8 AS units
     FROM sold s LEFT JOIN refunded r USING (product_id, day)`,
    [storeId, productIds, timezone, from, to],
  );
  return rows;
}

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

export async function findCategory(db: Db, storeId: string, id: string) {
  const { rows } = await db.query<Row<'categories', 'id' | 'name'>>(
    `SELECT id, name FROM categories WHERE store_id = $1 AND id = $2`,
    [storeId, id],
  );
  return rows[0];
}

export async function storeTimezone(db: Db, storeId: string): Promise<string> {
  const { rows } = await db.query<Row<'stores', 'timezone'>>(
    `SELECT timezone FROM stores WHERE id = $1`,
    [storeId],
  );
  return rows[0]?.timezone ?? 'UTC';
}
