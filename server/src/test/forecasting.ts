import type { TestApp } from './app';
import type { StoreMember } from './factories';

/* Sales history for the forecasting tests, written straight into the tables the way the demo
   seed writes history (a year of sales through the API would take minutes). */

/**
 * One sale per day with `units[i]` units of the product, `units.length - i` days ago (the
 * last entry is yesterday) at noon UTC; a day of 0 has no sale. Stock is not touched.
 */
export async function sellDaily(
  t: Pick<TestApp, 'db'>,
  s: StoreMember,
  productId: string,
  units: readonly number[],
) {
  await t.db.pool.query(
    `WITH days AS (
       SELECT gen_random_uuid() AS id, u.q,
         date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
           - make_interval(days => ($3::int - u.i + 1)::int) + interval '12 hours' AS sold_at
       FROM unnest($2::int[]) WITH ORDINALITY AS u(q, i) WHERE u.q > 0
     ), base AS (SELECT coalesce(max(number), 0) AS n FROM sales WHERE store_id = $1),
     s AS (
       INSERT INTO sales (id, store_id, sold_at, total, item_count, number)
       SELECT d.id, $1, d.sold_at, d.q, d.q, base.n + row_number() OVER (ORDER BY d.sold_at)
       FROM days d, base
     )
     INSERT INTO sale_items (sale_id, store_id, product_id, quantity, unit_price, line_total, sold_at, line_no)
     SELECT d.id, $1, $4, d.q, 1, d.q, d.sold_at, 1 FROM days d`,
    [s.storeId, units, units.length, productId],
  );
}

/** `days` days of demand with a weekly pattern around `mean` (weekends busier). */
export const weeklyPattern = (days: number, mean: number) =>
  Array.from({ length: days }, (_, i) => {
    const weekday = (new Date(Date.now() - (days - i) * 86_400_000).getUTCDay() + 6) % 7;
    return Math.max(0, Math.round(mean * (weekday >= 5 ? 1.6 : 0.8)));
  });
