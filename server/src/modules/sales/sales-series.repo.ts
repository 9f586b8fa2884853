import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export type SalesDay = Row<'sale_items', 'product_id'> & { day: string; units: number };

/**
 * Units sold per product and store-local day over [from, to) (store days, `YYYY-MM-DD`),
 * counted as reorder lists count demand (shopping-lists/demand.ts, through forecasting): completed sales less the
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
