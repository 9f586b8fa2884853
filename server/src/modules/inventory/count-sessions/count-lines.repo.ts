import type { Db } from '../../../db/pool';

/*
 * A count session's lines (inventory's `count_session_lines`) with the catalogue facts a
 * counter needs of each product (inventory co-owns `products`: it reads them as `lockStock` does).
 */

export interface CountLine {
  productId: string;
  name: string;
  sku: string;
  barcode: string | null;
  unit: string | null;
  location: { aisle: string | null; row: string | null; bin: string | null };
  expectedQuantity: number;
  countedQuantity: number | null;
  countedAt: string | null;
  countedBy: string | null;
  stockAtCount: number | null;
  postedDelta: number | null;
  movementId: string | null;
  /** The product's cost now (a difference's value at cost). */
  cost: number | null;
  /** The stock on hand now. */
  quantity: number;
}

interface LineRow {
  product_id: string;
  name: string;
  sku: string;
  barcode: string | null;
  unit: string | null;
  location_aisle: string | null;
  location_row: string | null;
  location_bin: string | null;
  expected_quantity: number;
  counted_quantity: number | null;
  counted_at: Date | null;
  counted_by: string | null;
  stock_at_count: number | null;
  posted_delta: number | null;
  movement_id: string | null;
  cost: string | null;
  quantity: number;
}

const toLine = (r: LineRow): CountLine => ({
  productId: r.product_id,
  name: r.name,
  sku: r.sku,
  barcode: r.barcode,
  unit: r.unit,
  location: { aisle: r.location_aisle, row: r.location_row, bin: r.location_bin },
  expectedQuantity: r.expected_quantity,
  countedQuantity: r.counted_quantity,
  countedAt: r.counted_at?.toISOString() ?? null,
  countedBy: r.counted_by,
  stockAtCount: r.stock_at_count,
  postedDelta: r.posted_delta,
  movementId: r.movement_id,
  cost: r.cost === null ? null : Number(r.cost),
  quantity: r.quantity,
});

/** A session's lines in walking order: by aisle, row and bin (naturally: 2 before 10), then name. */
export async function linesOf(db: Db, storeId: string, sessionId: string): Promise<CountLine[]> {
  const { rows } = await db.query<LineRow>(
    `SELECT l.product_id, p.name, p.sku, p.barcode, p.unit, p.location_aisle, p.location_row,
       p.location_bin, l.expected_quantity, l.counted_quantity, l.counted_at, l.counted_by,
       l.stock_at_count, l.posted_delta, l.movement_id, p.cost, p.quantity
     FROM count_session_lines l JOIN products p ON p.store_id = l.store_id AND p.id = l.product_id
     WHERE l.store_id = $1 AND l.session_id = $2
     ORDER BY p.location_aisle IS NULL, length(p.location_aisle), lower(p.location_aisle),
       length(p.location_row), lower(p.location_row), length(p.location_bin), lower(p.location_bin),
       p.name, p.id`,
    [storeId, sessionId],
  );
  return rows.map(toLine);
}

/** The line of a product (by id or barcode) in a session, or undefined. */
export async function findLine(
  db: Db,
  storeId: string,
  sessionId: string,
  by: { productId?: string; barcode?: string },
): Promise<string | undefined> {
  const { rows } = await db.query<{ product_id: string }>(
    `SELECT l.product_id FROM count_session_lines l
     JOIN products p ON p.store_id = l.store_id AND p.id = l.product_id
     WHERE l.store_id = $1 AND l.session_id = $2
       AND ($3::uuid IS NULL OR l.product_id = $3) AND ($4::text IS NULL OR p.barcode = $4)`,
    [storeId, sessionId, by.productId ?? null, by.barcode ?? null],
  );
  return rows[0]?.product_id;
}

export async function recordCount(
  db: Db,
  storeId: string,
  sessionId: string,
  productId: string,
  counted: number,
  userId: string | null,
): Promise<void> {
  await db.query(
    `UPDATE count_session_lines SET counted_quantity = $4, counted_at = clock_timestamp(), counted_by = $5
     WHERE store_id = $1 AND session_id = $2 AND product_id = $3`,
    [storeId, sessionId, productId, counted, userId],
  );
}

/**
 * Per counted line, the net of the product's movements that happened after it was counted
 * (dated after `counted_at`: a sale rung up before the count and sent after it was on the
 * shelf's side of the count, so it does not count as since).
 */
export async function movedSinceCounted(
  db: Db,
  storeId: string,
  sessionId: string,
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ product_id: string; since: number }>(
    `SELECT l.product_id, coalesce(sum(m.delta), 0)::int AS since
     FROM count_session_lines l
     LEFT JOIN stock_movements m ON m.store_id = l.store_id AND m.product_id = l.product_id
       AND m.created_at > l.counted_at
     WHERE l.store_id = $1 AND l.session_id = $2 AND l.counted_at IS NOT NULL
     GROUP BY l.product_id`,
    [storeId, sessionId],
  );
  return new Map(rows.map((r) => [r.product_id, r.since]));
}

export async function markPosted(
  db: Db,
  storeId: string,
  sessionId: string,
  lines: Array<{
    productId: string;
    stockAtCount: number;
    delta: number;
    movementId: string | null;
  }>,
): Promise<void> {
  if (!lines.length) return;
  await db.query(
    `UPDATE count_session_lines l SET stock_at_count = x.stock, posted_delta = x.delta, movement_id = x.movement
     FROM unnest($3::uuid[], $4::int[], $5::int[], $6::uuid[]) AS x(product_id, stock, delta, movement)
     WHERE l.store_id = $1 AND l.session_id = $2 AND l.product_id = x.product_id`,
    [
      storeId,
      sessionId,
      lines.map((l) => l.productId),
      lines.map((l) => l.stockAtCount),
      lines.map((l) => l.delta),
      lines.map((l) => l.movementId),
    ],
  );
}
