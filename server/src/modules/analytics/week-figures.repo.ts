import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

const num = (v: string | number | null) => Number(v ?? 0);

/** The instants a store's local days [from, to) begin at (its own time zone). */
const WINDOW = `($2::date::timestamp AT TIME ZONE $4) AS start_at,
                ($3::date::timestamp AT TIME ZONE $4) AS end_at`;

/**
 * Completed sales in the store's local days [from, to) and their revenue, net of the refunds
 * made in those days (voided sales left out), as the dashboard counts them.
 */
export async function salesBetween(
  db: Db,
  storeId: string,
  from: string,
  to: string,
  timezone: string,
): Promise<{ sales: number; revenue: number }> {
  const { rows } = await db.query<{ sales: number; revenue: string }>(
    `WITH w AS (SELECT ${WINDOW})
     SELECT
       (SELECT count(*)::int FROM sales, w WHERE store_id = $1 AND status = 'completed'
          AND sold_at >= w.start_at AND sold_at < w.end_at) AS sales,
       (SELECT coalesce(sum(total - tax_total), 0) FROM sales, w WHERE store_id = $1 AND status = 'completed'
          AND sold_at >= w.start_at AND sold_at < w.end_at)
       - (SELECT coalesce(sum(total - tax_total), 0) FROM sale_refunds, w WHERE store_id = $1
          AND created_at >= w.start_at AND created_at < w.end_at) AS revenue`,
    [storeId, from, to, timezone],
  );
  const r = one(rows);
  return { sales: num(r.sales), revenue: num(r.revenue) };
}

/** The best sellers of the local days [from, to) by net units (voids and refunds taken off). */
export async function topSellersBetween(
  db: Db,
  storeId: string,
  from: string,
  to: string,
  timezone: string,
  limit: number,
) {
  const { rows } = await db.query<
    Row<'products', 'name'> & { product_id: string; units: string; revenue: string }
  >(
    `WITH w AS (SELECT ${WINDOW}), lines AS (
       SELECT i.product_id, i.quantity AS units, i.line_total - i.tax_amount AS revenue
       FROM sale_items i, w
       WHERE i.store_id = $1 AND i.sold_at >= w.start_at AND i.sold_at < w.end_at
         AND i.sale_id NOT IN (SELECT id FROM sales WHERE store_id = $1 AND status = 'voided')
       UNION ALL
       SELECT r.product_id, -r.quantity, -(r.line_total - r.tax_amount)
       FROM sale_refund_items r, w
       WHERE r.store_id = $1 AND r.refunded_at >= w.start_at AND r.refunded_at < w.end_at
     ), top AS (
       SELECT product_id, sum(units) AS units, sum(revenue) AS revenue FROM lines
       GROUP BY product_id HAVING sum(units) > 0
       ORDER BY units DESC, revenue DESC, product_id LIMIT $5
     )
     SELECT t.product_id, p.name, t.units, t.revenue
     FROM top t JOIN products p ON p.id = t.product_id
     ORDER BY t.units DESC, t.revenue DESC, t.product_id`,
    [storeId, from, to, timezone, limit],
  );
  return rows.map((r) => ({
    productId: r.product_id,
    name: r.name,
    unitsSold: num(r.units),
    revenue: num(r.revenue),
  }));
}
