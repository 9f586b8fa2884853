import type { Client } from 'pg';
import type { Actor } from '../../core/context';
import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

/** The channel a writing transaction notifies (on commit) and the publisher listens on. */
export const OUTBOX_CHANNEL = 'nimbus_outbox';

export interface PendingEvent {
  type: string;
  payload: unknown;
}

/**
 * A change's events in one statement, in the order given: the store's counter row is bumped
 * first (its lock holds the store's next writer until this transaction ends, so positions
 * follow commit order and have no gaps), then the rows take their ids and positions, and the
 * publisher is notified, which PostgreSQL delivers only on commit.
 */
export async function insertEvents(
  db: Db,
  storeId: string,
  events: PendingEvent[],
  actor: Actor | null = null,
) {
  if (events.length === 0) return;
  await db.query({
    // Prepared once per connection: every change that emits writes it.
    name: 'events.insert',
    text: `WITH counter AS (
       INSERT INTO outbox_positions AS o (store_id, last_position) VALUES ($1, $4)
       ON CONFLICT (store_id) DO UPDATE SET last_position = o.last_position + EXCLUDED.last_position
       RETURNING last_position
     ), written AS (
       INSERT INTO outbox_events (store_id, type, payload, position, actor)
       SELECT $1, e.type, e.payload::jsonb, counter.last_position - $4 + e.n, $5::jsonb
       FROM counter, unnest($2::text[], $3::text[]) WITH ORDINALITY AS e(type, payload, n)
       ORDER BY e.n
       RETURNING 1
     )
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM written LIMIT 1) w`,
    values: [
      storeId,
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.payload)),
      events.length,
      actor === null ? null : JSON.stringify(actor),
    ],
  });
}

export type EventRow = Row<
  'outbox_events',
  'id' | 'store_id' | 'position' | 'type' | 'payload' | 'created_at'
> & { actor: Actor | null };

/** An event as the feed and the WebSocket show it: its id is its position in the store. */
export interface StoreEventItem {
  id: string;
  type: string;
  storeId: string;
  payload: unknown;
  timestamp: string;
  /** Who caused it (absent: the system, or an event older than actors). */
  actor?: Actor;
}

export const toItem = (r: EventRow): StoreEventItem => ({
  id: String(r.position),
  type: r.type,
  storeId: r.store_id,
  payload: r.payload,
  timestamp: r.created_at.toISOString(),
  ...(r.actor ? { actor: r.actor } : {}),
});

const COLUMNS = 'id, store_id, position, type, payload, created_at, actor';

/** A store's events in commit order, after a position (exclusive), up to one (inclusive). */
export async function listEvents(
  db: Db,
  storeId: string,
  q: { after: number; limit: number; type?: string; upTo?: number; apiKeyId?: string },
): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM outbox_events
     WHERE store_id = $1 AND position > $2 AND ($3::text IS NULL OR type = $3)
       AND ($5::bigint IS NULL OR position <= $5)
       AND ($6::text IS NULL OR (actor->>'type' = 'apiKey' AND actor->>'id' = $6))
     ORDER BY position LIMIT $4`,
    [storeId, q.after, q.type ?? null, q.limit, q.upTo ?? null, q.apiKeyId ?? null],
  );
  return rows;
}

/** Where a store's events stand: the newest position given out, and the newest deleted. */
export async function positionsOf(db: Db, storeId: string) {
  const { rows } = await db.query<{ last: number; pruned: number }>(
    `SELECT coalesce(o.last_position, 0) AS last, coalesce(o.pruned_through, 0) AS pruned
     FROM (SELECT 1) one LEFT JOIN outbox_positions o ON o.store_id = $1`,
    [storeId],
  );
  return one(rows);
}

/** The oldest events not yet published, in id order (within a store, that is commit order). */
export async function unpublished(db: Db | Client, limit: number): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT $1`,
    [limit],
  );
  return rows;
}

export async function markPublished(db: Db | Client, ids: number[]): Promise<void> {
  await db.query('UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])', [
    ids,
  ]);
}

/**
 * Deletes up to `limit` events published before `before` and moves each store's
 * `pruned_through` past them; returns how many went.
 */
export async function prunePublished(
  db: Db | Client,
  before: Date,
  limit: number,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM outbox_events WHERE id IN (
         SELECT id FROM outbox_events WHERE published_at < $1 ORDER BY published_at LIMIT $2)
       RETURNING store_id, position
     ), per_store AS (
       SELECT store_id, max(position) AS through FROM gone GROUP BY store_id
     ), moved AS (
       UPDATE outbox_positions o SET pruned_through = greatest(o.pruned_through, p.through)
       FROM per_store p WHERE o.store_id = p.store_id
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM gone)::int AS n, (SELECT count(*) FROM moved) AS m`,
    [before, limit],
  );
  return one(rows).n;
}
