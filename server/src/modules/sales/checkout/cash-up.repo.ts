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

export interface PersonRow {
  user_id: string | null;
  sales: number;
  total: string;
  payments: Array<{ method: string; amount: string }>;
  change_given: string;
}

/** The same day's completed sales per person who rang them up (the store has no tills). */
export async function byPerson(db: Db, storeId: string, day: string, timezone: string) {
  const { rows } = await db.query<PersonRow>(
    `WITH done AS (
       SELECT s.user_id, s.total, s.payments, s.change_given FROM sales s
       WHERE s.store_id = $1 AND s.status = 'completed'
         AND s.sold_at >= ($2::date::timestamp AT TIME ZONE $3)
         AND s.sold_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
     )
     SELECT d.user_id, count(*)::int AS sales, sum(d.total) AS total,
            sum(d.change_given) AS change_given,
            coalesce((SELECT json_agg(p ORDER BY p.method) FROM (
              SELECT e->>'method' AS method, sum((e->>'amount')::numeric) AS amount
              FROM done d2, jsonb_array_elements(d2.payments) e
              WHERE d2.user_id IS NOT DISTINCT FROM d.user_id GROUP BY 1) p), '[]') AS payments
     FROM done d GROUP BY d.user_id ORDER BY sum(d.total) DESC, d.user_id`,
    [storeId, day, timezone],
  );
  return rows;
}

export interface CashCountRow {
  id: string;
  counted_cash: string;
  expected_cash: string;
  note: string | null;
  counted_by: string | null;
  counted_at: Date;
}

export async function insertCount(
  db: Db,
  storeId: string,
  c: {
    id: string;
    day: string;
    counted: number;
    expected: number;
    note: string | null;
    userId: string;
  },
) {
  const { rows } = await db.query<CashCountRow>(
    `INSERT INTO cash_counts (id, store_id, day, counted_cash, expected_cash, note, counted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING id, counted_cash, expected_cash, note, counted_by, counted_at`,
    [c.id, storeId, c.day, c.counted, c.expected, c.note, c.userId],
  );
  return one(rows);
}

/** The day's counts, latest first. */
export async function countsOf(db: Db, storeId: string, day: string) {
  const { rows } = await db.query<CashCountRow>(
    `SELECT id, counted_cash, expected_cash, note, counted_by, counted_at FROM cash_counts
     WHERE store_id = $1 AND day = $2 ORDER BY counted_at DESC, id DESC LIMIT 50`,
    [storeId, day],
  );
  return rows;
}
