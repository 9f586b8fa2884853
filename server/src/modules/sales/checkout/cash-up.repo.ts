import type { Db } from '../../../db/pool';
import { one } from '../../../db/rows';

export interface CashUpRow {
  sales: number;
  sales_total: string;
  tax_total: string;
  discount_total: string;
  change_given: string;
  voids: number;
  voids_total: string;
  payments: Array<{ method: string; count: number; amount: string }>;
  refunds: Array<{ method: string | null; count: number; amount: string }>;
}

/**
 * One store day's money at the till, in one statement: the day's sales (completed), their
 * payments by method as tendered and the change given, the day's voids, and the refunds made
 * that day by method. `day` is a calendar date in `timezone` (the store's).
 */
export async function cashUp(db: Db, storeId: string, day: string, timezone: string) {
  const { rows } = await db.query<CashUpRow>(
    `WITH bounds AS (
       SELECT ($2::date::timestamp AT TIME ZONE $3) AS from_at,
              (($2::date + 1)::timestamp AT TIME ZONE $3) AS to_at
     ), day_sales AS (
       SELECT s.* FROM sales s, bounds b
       WHERE s.store_id = $1 AND s.sold_at >= b.from_at AND s.sold_at < b.to_at
     ), done AS (SELECT * FROM day_sales WHERE status = 'completed')
     SELECT
       (SELECT count(*)::int FROM done) AS sales,
       (SELECT coalesce(sum(total), 0) FROM done) AS sales_total,
       (SELECT coalesce(sum(tax_total), 0) FROM done) AS tax_total,
       (SELECT coalesce(sum(discount_total), 0) FROM done) AS discount_total,
       (SELECT coalesce(sum(change_given), 0) FROM done) AS change_given,
       (SELECT count(*)::int FROM day_sales WHERE status = 'voided') AS voids,
       (SELECT coalesce(sum(total), 0) FROM day_sales WHERE status = 'voided') AS voids_total,
       (SELECT coalesce(json_agg(p ORDER BY p.method), '[]') FROM (
          SELECT e->>'method' AS method, count(*)::int AS count, sum((e->>'amount')::numeric) AS amount
          FROM done, jsonb_array_elements(done.payments) e GROUP BY 1) p) AS payments,
       (SELECT coalesce(json_agg(r ORDER BY r.method NULLS LAST), '[]') FROM (
          SELECT r.method, count(*)::int AS count, sum(r.total) AS amount
          FROM sale_refunds r, bounds b
          WHERE r.store_id = $1 AND r.created_at >= b.from_at AND r.created_at < b.to_at
          GROUP BY 1) r) AS refunds`,
    [storeId, day, timezone],
  );
  return one(rows);
}
