import type { Db } from '../../../db/pool';
import { one } from '../../../db/rows';

/*
 * Count sessions (inventory's `count_sessions`); their lines are count-lines.repo.ts. Starting
 * one reads the scope's products (inventory co-owns `products`, as `lockStock` reads them).
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
