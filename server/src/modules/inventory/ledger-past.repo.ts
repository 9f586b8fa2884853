import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/*
 * What the ledger says about a moment already past: the shelf counts made since (stock_counts,
 * this module's), and the movements that tell the cost in force then. Timestamps travel as
 * UTC text with microseconds (`TIME_KEY`), so a row's time given back to SQL or compared with
 * another's is exact, where a JS Date would round it to the millisecond.
 */

const TIME_KEY = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const cost = (v: string | null) => (v === null ? null : Number(v));

/** A shelf count: what was counted against the books, and the cost in force then. */
export async function insertCount(
  db: Db,
  storeId: string,
  c: {
    productId: string;
    counted: number;
    books: number;
    unitCost: number | null;
    movementId: string | null;
    userId: string | null;
    /** When it was counted, if not now (a count session's line, posted later). */
    countedAt?: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO stock_counts (store_id, product_id, counted_quantity, books_quantity, unit_cost, movement_id, user_id, counted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()))`,
    [
      storeId,
      c.productId,
      c.counted,
      c.books,
      c.unitCost,
      c.movementId,
      c.userId,
      c.countedAt ?? null,
    ],
  );
}

export interface CountSince {
  /** When the count was made (TIME_KEY text). */
  at: string;
  unitCost: number | null;
}

/** Per product, the first shelf count after `at`, which is the one that took in what happened before. */
export async function firstCountsAfter(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  at: Date,
): Promise<Map<string, CountSince>> {
  const { rows } = await db.query<Row<'stock_counts', 'product_id' | 'unit_cost'> & { at: string }>(
    `SELECT DISTINCT ON (product_id) product_id, ${TIME_KEY('counted_at')} AS at, unit_cost
     FROM stock_counts
     WHERE store_id = $1 AND product_id = ANY($2::uuid[]) AND counted_at > $3
     ORDER BY product_id, counted_at, id`,
    [storeId, productIds, at],
  );
  return new Map(rows.map((r) => [r.product_id, { at: r.at, unitCost: cost(r.unit_cost) }]));
}

/** Per product, when goods were first received after `at` (a receipt moves the moving average). */
export async function firstReceiptsAfter(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  at: Date,
): Promise<Map<string, string>> {
  const { rows } = await db.query<Row<'stock_movements', 'product_id'> & { at: string }>(
    `SELECT product_id, ${TIME_KEY('min(created_at)')} AS at FROM stock_movements
     WHERE store_id = $1 AND product_id = ANY($2::uuid[]) AND reason = 'purchase_receipt'
       AND created_at > $3
     GROUP BY product_id`,
    [storeId, productIds, at],
  );
  return new Map(rows.map((r) => [r.product_id, r.at]));
}

/**
 * The product's last movement up to `at` other than a receipt: the cost it recorded was the
 * product's cost in force then (a receipt records what it came in at instead).
 */
export async function lastCostAtOrBefore(
  db: Db,
  storeId: string,
  productId: string,
  at: Date,
): Promise<{ at: string; cost: number | null } | undefined> {
  const { rows } = await db.query<Row<'stock_movements', 'unit_cost'> & { at: string }>(
    `SELECT ${TIME_KEY('created_at')} AS at, unit_cost FROM stock_movements
     WHERE store_id = $1 AND product_id = $2 AND created_at <= $3 AND reason <> 'purchase_receipt'
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [storeId, productId, at],
  );
  return rows[0] && { at: rows[0].at, cost: cost(rows[0].unit_cost) };
}

export interface PastReceipt {
  delta: number;
  /** Stock on hand when it came in (receipts are written when they happen). */
  onHandBefore: number;
  unitCost: number | null;
}

/** The product's receipts after `from` (exclusive; null: from the start) up to `to`, oldest first. */
export async function receiptsBetween(
  db: Db,
  storeId: string,
  productId: string,
  from: string | null,
  to: Date,
): Promise<PastReceipt[]> {
  const { rows } = await db.query<Row<'stock_movements', 'delta' | 'quantity_after' | 'unit_cost'>>(
    `SELECT delta, quantity_after, unit_cost FROM stock_movements
     WHERE store_id = $1 AND product_id = $2 AND reason = 'purchase_receipt'
       AND ($3::timestamptz IS NULL OR created_at > $3::timestamptz) AND created_at <= $4
     ORDER BY created_at, id`,
    [storeId, productId, from, to],
  );
  return rows.map((r) => ({
    delta: r.delta,
    onHandBefore: r.quantity_after - r.delta,
    unitCost: cost(r.unit_cost),
  }));
}
