import type { Db } from '../../../db/pool';
import { one } from '../../../db/rows';

/*
 * Count sessions and their lines (inventory's tables), with the catalogue facts a counter needs
 * of each product (inventory co-owns `products`: it reads them as `lockStock` does).
 */

export type CountScope = 'store' | 'category' | 'aisle';
export type CountStatus = 'open' | 'posted' | 'cancelled';

export interface CountSession {
  id: string;
  scope: CountScope;
  categoryId: string | null;
  aisle: string | null;
  scopeLabel: string;
  blind: boolean;
  status: CountStatus;
  note: string | null;
  skipped: number;
  startedBy: string | null;
  startedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  lineCount: number;
  countedCount: number;
}

interface SessionRow {
  id: string;
  scope: CountScope;
  category_id: string | null;
  aisle: string | null;
  scope_label: string;
  blind: boolean;
  status: CountStatus;
  note: string | null;
  skipped: number;
  started_by: string | null;
  started_at: Date;
  closed_by: string | null;
  closed_at: Date | null;
  line_count: number;
  counted_count: number;
}

const toSession = (r: SessionRow): CountSession => ({
  id: r.id,
  scope: r.scope,
  categoryId: r.category_id,
  aisle: r.aisle,
  scopeLabel: r.scope_label,
  blind: r.blind,
  status: r.status,
  note: r.note,
  skipped: r.skipped,
  startedBy: r.started_by,
  startedAt: r.started_at.toISOString(),
  closedBy: r.closed_by,
  closedAt: r.closed_at?.toISOString() ?? null,
  lineCount: r.line_count,
  countedCount: r.counted_count,
});

const SESSION_COLUMNS = `s.id, s.scope, s.category_id, s.aisle, s.scope_label, s.blind, s.status, s.note,
  s.skipped, s.started_by, s.started_at, s.closed_by, s.closed_at,
  (SELECT count(*)::int FROM count_session_lines l WHERE l.session_id = s.id) AS line_count,
  (SELECT count(*)::int FROM count_session_lines l WHERE l.session_id = s.id
     AND l.counted_at IS NOT NULL) AS counted_count`;

export async function insertSession(
  db: Db,
  storeId: string,
  s: {
    scope: CountScope;
    categoryId: string | null;
    aisle: string | null;
    scopeLabel: string;
    blind: boolean;
    note: string | null;
    userId: string | null;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO count_sessions (store_id, scope, category_id, aisle, scope_label, blind, note, started_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [storeId, s.scope, s.categoryId, s.aisle, s.scopeLabel, s.blind, s.note, s.userId],
  );
  return one(rows).id;
}

/**
 * The scope's active products become the session's lines, with the books now as expected;
 * a product already in another open count is left out (the partial unique index decides, so two
 * counts started at once cannot both take it). Answers how many lines were taken and left out.
 */
export async function addScopeLines(
  db: Db,
  storeId: string,
  sessionId: string,
  scope: { categoryId: string | null; aisle: string | null },
): Promise<{ taken: number; skipped: number }> {
  const { rows } = await db.query<{ taken: number; total: number }>(
    `WITH scope AS (
       SELECT p.id, p.quantity FROM products p
       WHERE p.store_id = $1 AND p.active
         AND ($3::uuid IS NULL OR p.category_id = $3)
         AND ($4::text IS NULL OR lower(p.location_aisle) = lower($4))
     ), taken AS (
       INSERT INTO count_session_lines (session_id, store_id, product_id, expected_quantity)
       SELECT $2, $1, id, quantity FROM scope
       ON CONFLICT (store_id, product_id) WHERE open DO NOTHING
       RETURNING product_id
     )
     SELECT (SELECT count(*)::int FROM taken) AS taken, (SELECT count(*)::int FROM scope) AS total`,
    [storeId, sessionId, scope.categoryId, scope.aisle],
  );
  const { taken, total } = one(rows);
  await db.query('UPDATE count_sessions SET skipped = $3 WHERE store_id = $1 AND id = $2', [
    storeId,
    sessionId,
    total - taken,
  ]);
  return { taken, skipped: total - taken };
}

export async function findSession(
  db: Db,
  storeId: string,
  id: string,
  lock = false,
): Promise<CountSession | undefined> {
  if (lock) {
    await db.query('SELECT id FROM count_sessions WHERE store_id = $1 AND id = $2 FOR UPDATE', [
      storeId,
      id,
    ]);
  }
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM count_sessions s WHERE s.store_id = $1 AND s.id = $2`,
    [storeId, id],
  );
  return rows[0] && toSession(rows[0]);
}

export async function listSessions(
  db: Db,
  storeId: string,
  q: { status?: CountStatus; limit: number; offset: number },
): Promise<{ items: CountSession[]; total: number }> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM count_sessions s
     WHERE s.store_id = $1 AND ($2::text IS NULL OR s.status = $2)
     ORDER BY s.started_at DESC, s.id DESC LIMIT $3 OFFSET $4`,
    [storeId, q.status ?? null, q.limit, q.offset],
  );
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM count_sessions WHERE store_id = $1 AND ($2::text IS NULL OR status = $2)`,
    [storeId, q.status ?? null],
  );
  return { items: rows.map(toSession), total: one(total.rows).n };
}

/** Closes a session (posted or cancelled): its products are free for another count. */
export async function closeSession(
  db: Db,
  storeId: string,
  id: string,
  status: 'posted' | 'cancelled',
  userId: string | null,
): Promise<void> {
  await db.query(
    `UPDATE count_sessions SET status = $3, closed_by = $4, closed_at = now()
     WHERE store_id = $1 AND id = $2`,
    [storeId, id, status, userId],
  );
  await db.query(
    'UPDATE count_session_lines SET open = false WHERE store_id = $1 AND session_id = $2',
    [storeId, id],
  );
}

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

/** Aisles the store's products are on, for starting a count by aisle. */
export async function aislesOf(db: Db, storeId: string): Promise<string[]> {
  const { rows } = await db.query<{ aisle: string }>(
    `SELECT DISTINCT location_aisle AS aisle FROM products
     WHERE store_id = $1 AND active AND location_aisle IS NOT NULL
     ORDER BY 1 LIMIT 500`,
    [storeId],
  );
  return rows.map((r) => r.aisle);
}
