import type { Pool } from 'pg';
import { withTransaction, type Db } from '../../db/pool';
import { one } from '../../db/rows';

/**
 * The closed days of the dashboard's sales window, aggregated once per store per day.
 *
 * The window is the store's last `days` calendar days, today included. Everything before
 * today (store time zone) is summed into `sales_snapshot_products` / `sales_snapshot_days`
 * by the first dashboard of the day; the dashboard then adds today's sales, read live.
 * A 100k-product store thus reads ~1 day of sale lines per dashboard instead of 30.
 *
 * Revenue is net: a voided sale counts for nothing (its lines and its order are left out), and
 * a refund is negative revenue and units on the day it is made (store time zone), not on the
 * sale's day, so a refund never rewrites a day already summarised. A void is allowed only on
 * the sale's own day, which is never a closed one.
 *
 * Consistency: a change dated before the snapshot's end (a back-dated POS sale; a void or a
 * refund that commits just after midnight while the first dashboard of the day builds) drops
 * the snapshot in its own transaction (`invalidateSnapshotCovering`). Builder and such
 * changes serialise on a per-store advisory lock, so a snapshot never misses one: either the
 * change committed before the build read the rows, or it drops the build once committed.
 */
export interface SalesWindow {
  /** Start of the window: the store's day `days - 1` days ago. */
  windowStart: Date;
  /** Start of the store's current day: the snapshot covers [windowStart, through). */
  through: Date;
}

const lockKey = (storeId: string) => `sales-snapshot:${storeId}`;

/**
 * The window for the store's time zone as of now (PostgreSQL knows the tz rules), and whether
 * the store's snapshot already covers it: one round trip on the dashboard's path.
 */
async function currentWindow(db: Db, storeId: string, timezone: string, days: number) {
  const { rows } = await db.query<{ window_start: Date; through: Date; fresh: boolean }>(
    `WITH w AS (
       SELECT (((now() AT TIME ZONE $2)::date - ($3::int - 1))::timestamp AT TIME ZONE $2) AS window_start,
              (((now() AT TIME ZONE $2)::date)::timestamp AT TIME ZONE $2) AS through
     )
     SELECT w.window_start, w.through, EXISTS (
       SELECT 1 FROM sales_snapshots s
       WHERE s.store_id = $1 AND s.timezone = $2 AND s.window_start = w.window_start
         AND s.through = w.through
     ) AS fresh
     FROM w`,
    [storeId, timezone, days],
  );
  const r = one(rows);
  return { window: { windowStart: r.window_start, through: r.through }, fresh: r.fresh };
}

/** Makes sure the store's snapshot covers the current window; returns the window. */
export async function ensureSalesSnapshot(
  pool: Pool,
  storeId: string,
  timezone: string,
  days: number,
): Promise<SalesWindow> {
  const first = await currentWindow(pool, storeId, timezone, days);
  if (first.fresh) return first.window;
  return withTransaction(pool, async (tx) => {
    // One builder per store across replicas; the others wait here, then find it fresh.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey(storeId)]);
    const { window, fresh } = await currentWindow(tx, storeId, timezone, days);
    if (!fresh) await build(tx, storeId, timezone, window);
    return window;
  });
}

async function build(db: Db, storeId: string, timezone: string, w: SalesWindow) {
  await db.query('DELETE FROM sales_snapshots WHERE store_id = $1', [storeId]);
  await db.query(
    `INSERT INTO sales_snapshots (store_id, timezone, window_start, through) VALUES ($1, $2, $3, $4)`,
    [storeId, timezone, w.windowStart, w.through],
  );
  await db.query(
    `INSERT INTO sales_snapshot_products (store_id, product_id, units, revenue)
     SELECT $1, product_id, sum(units), sum(revenue) FROM (
       SELECT product_id, quantity AS units, line_total - tax_amount AS revenue
       FROM sale_items
       WHERE store_id = $1 AND sold_at >= $2 AND sold_at < $3
         AND sale_id NOT IN (SELECT id FROM sales
                             WHERE store_id = $1 AND status = 'voided' AND sold_at >= $2 AND sold_at < $3)
       UNION ALL
       SELECT product_id, -quantity, -(line_total - tax_amount)
       FROM sale_refund_items
       WHERE store_id = $1 AND refunded_at >= $2 AND refunded_at < $3
     ) lines
     GROUP BY product_id`,
    [storeId, w.windowStart, w.through],
  );
  await db.query(
    `INSERT INTO sales_snapshot_days (store_id, day, orders, units, revenue)
     SELECT $1, day, sum(orders), sum(units), sum(revenue) FROM (
       SELECT (sold_at AT TIME ZONE $4)::date AS day, count(*) AS orders, sum(item_count) AS units,
         sum(total - tax_total) AS revenue
       FROM sales
       WHERE store_id = $1 AND sold_at >= $2 AND sold_at < $3 AND status = 'completed'
       GROUP BY 1
       UNION ALL
       SELECT (created_at AT TIME ZONE $4)::date, 0, -sum(item_count), -sum(total - tax_total)
       FROM sale_refunds
       WHERE store_id = $1 AND created_at >= $2 AND created_at < $3
       GROUP BY 1
     ) days
     GROUP BY day`,
    [storeId, w.windowStart, w.through, timezone],
  );
}

/**
 * Inside the transaction of a sale, void or refund dated at `at`: drops a snapshot that already
 * covers that moment, so the next dashboard rebuilds it with the change.
 */
export async function invalidateSnapshotCovering(tx: Db, storeId: string, at: Date) {
  await tx.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [
    lockKey(storeId),
  ]);
  await tx.query('DELETE FROM sales_snapshots WHERE store_id = $1 AND through > $2', [storeId, at]);
}
