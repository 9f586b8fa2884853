import type { Pool } from 'pg';
import { withTransaction, type Db } from '../../db/pool';

/**
 * Housekeeping of the dashboard's running figures (migration 054), never needed for them to be
 * right, only to keep reading them cheap:
 *
 * - folding: the triggers append a delta row per statement to `dashboard_stock` and
 *   `dashboard_sales_days`; a fold replaces a store's rows by one per category and per day (and
 *   drops days the window has left), in one statement and so one snapshot: rows committed after
 *   it began are left for the next. Writers never wait for it (they only insert), and two folds
 *   of one store do not run at once (the second skips).
 * - the floor: `dashboard_product_sales` counts every unit sold since the store's floor; moving
 *   the floor up takes the lines before it off, so the bound stays close to the window's figures.
 */
const foldLock = (storeId: string) => `dashboard-fold:${storeId}`;

/** Days kept before today: the 30-day window and a margin for a change of time zone. */
const KEEP_DAYS = 32;
/** The floor: the first day of the 30-day window (today and the 29 before it). */
const FLOOR_DAYS = 29;

export async function foldFigures(pool: Pool, storeId: string): Promise<boolean> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok',
      [foldLock(storeId)],
    );
    if (!rows[0]?.ok) return false;
    await tx.query(
      `WITH gone AS (DELETE FROM dashboard_stock WHERE store_id = $1 RETURNING *)
       INSERT INTO dashboard_stock (store_id, category_id, expires_on, products, active_products,
         units, value_cost, value_retail, low_stock, out_of_stock)
       SELECT store_id, category_id, expires_on, sum(products), sum(active_products), sum(units),
         sum(value_cost), sum(value_retail), sum(low_stock), sum(out_of_stock)
       FROM gone GROUP BY store_id, category_id, expires_on
       HAVING sum(products) <> 0`,
      [storeId],
    );
    await tx.query(
      `WITH gone AS (DELETE FROM dashboard_sales_days WHERE store_id = $1 RETURNING *)
       INSERT INTO dashboard_sales_days (store_id, day, orders, units, revenue)
       SELECT g.store_id, g.day, sum(g.orders), sum(g.units), sum(g.revenue)
       FROM gone g JOIN stores s ON s.id = g.store_id
       WHERE g.day >= (now() AT TIME ZONE s.timezone)::date - $2::int
       GROUP BY g.store_id, g.day
       HAVING sum(g.orders) <> 0 OR sum(g.units) <> 0 OR sum(g.revenue) <> 0`,
      [storeId, KEEP_DAYS],
    );
    return true;
  });
}

/**
 * Moves the store's floor up to the start of the dashboard's window when the window has moved
 * on (after the store's midnight): the lines sold between the old floor and the new one come off the bound (lines
 * committed meanwhile stay on it, which only makes it looser, never wrong).
 */
export async function raiseFloor(db: Db, storeId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `WITH target AS (
       SELECT ((now() AT TIME ZONE s.timezone)::date - $2::int)::timestamp AT TIME ZONE s.timezone AS at,
         coalesce(f.floor_at, '-infinity') AS floor_at
       FROM stores s LEFT JOIN dashboard_sales_floors f ON f.store_id = s.id
       WHERE s.id = $1
     ), sold AS (
       SELECT i.product_id, sum(i.quantity) AS units
       FROM sale_items i, target t
       WHERE t.floor_at < t.at
         AND i.store_id = $1 AND i.sold_at >= t.floor_at AND i.sold_at < t.at
       GROUP BY i.product_id
     ), lowered AS (
       UPDATE dashboard_product_sales d SET units = d.units - s.units
       FROM sold s WHERE d.store_id = $1 AND d.product_id = s.product_id
     )
     INSERT INTO dashboard_sales_floors (store_id, floor_at)
     SELECT $1, t.at FROM target t WHERE t.floor_at < t.at
     ON CONFLICT (store_id) DO UPDATE SET floor_at = excluded.floor_at`,
    [storeId, FLOOR_DAYS],
  );
  if (!rowCount) return false;
  await db.query('DELETE FROM dashboard_product_sales WHERE store_id = $1 AND units <= 0', [
    storeId,
  ]);
  return true;
}

/** The hourly cleanup's part: every store's figures folded and floor raised. */
export async function keepUpFigures(pool: Pool): Promise<{ folded: number; floorsRaised: number }> {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM stores ORDER BY id');
  let folded = 0;
  let floorsRaised = 0;
  for (const { id } of rows) {
    if (await foldFigures(pool, id)) folded++;
    const raised = await withTransaction(pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [foldLock(id)]);
      return raiseFloor(tx, id);
    });
    if (raised) floorsRaised++;
  }
  return { folded, floorsRaised };
}

/**
 * A store's running figures counted from scratch, as migration 054's backfill counts them: for
 * a writer that bypasses the triggers (the demo generator writes with triggers off, for speed),
 * in its own transaction before it commits. Replaces whatever the store had.
 */
export async function recountFigures(db: Db, storeId: string): Promise<void> {
  await db.query('DELETE FROM dashboard_stock WHERE store_id = $1', [storeId]);
  await db.query('DELETE FROM dashboard_sales_days WHERE store_id = $1', [storeId]);
  await db.query('DELETE FROM dashboard_product_sales WHERE store_id = $1', [storeId]);
  await db.query(
    `INSERT INTO dashboard_stock (store_id, category_id, expires_on, products, active_products,
       units, value_cost, value_retail, low_stock, out_of_stock)
     SELECT store_id, category_id, expires_at, count(*), count(*) FILTER (WHERE active),
       coalesce(sum(quantity), 0), coalesce(sum(quantity * coalesce(cost, 0)), 0),
       coalesce(sum(quantity * price), 0),
       count(*) FILTER (WHERE quantity <= reorder_point AND quantity > 0),
       count(*) FILTER (WHERE quantity = 0)
     FROM products WHERE store_id = $1 GROUP BY store_id, category_id, expires_at`,
    [storeId],
  );
  await db.query(
    `INSERT INTO dashboard_sales_days (store_id, day, orders, units, revenue)
     SELECT $1, x.day, sum(x.orders), sum(x.units), sum(x.revenue)
     FROM stores st, LATERAL (
       SELECT (sold_at AT TIME ZONE st.timezone)::date AS day, 1 AS orders,
         item_count AS units, total - tax_total AS revenue
       FROM sales
       WHERE store_id = st.id AND status = 'completed'
         AND sold_at >= now() - make_interval(days => $2::int + 8)
       UNION ALL
       SELECT (created_at AT TIME ZONE st.timezone)::date, 0, -item_count, -(total - tax_total)
       FROM sale_refunds
       WHERE store_id = st.id AND created_at >= now() - make_interval(days => $2::int + 8)
     ) x
     WHERE st.id = $1
     GROUP BY x.day`,
    [storeId, KEEP_DAYS],
  );
  await db.query(
    `INSERT INTO dashboard_sales_floors (store_id, floor_at)
     SELECT id, ((now() AT TIME ZONE timezone)::date - $2::int)::timestamp AT TIME ZONE timezone
     FROM stores WHERE id = $1
     ON CONFLICT (store_id) DO UPDATE SET floor_at = excluded.floor_at`,
    [storeId, FLOOR_DAYS],
  );
  await db.query(
    `INSERT INTO dashboard_product_sales (store_id, product_id, units)
     SELECT i.store_id, i.product_id, sum(i.quantity)
     FROM sale_items i JOIN dashboard_sales_floors f ON f.store_id = i.store_id
     WHERE i.store_id = $1 AND i.sold_at >= f.floor_at
     GROUP BY 1, 2`,
    [storeId],
  );
}
