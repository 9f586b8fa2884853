import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export async function insertEvent(
  db: Db,
  storeId: string,
  type: string,
  payload: unknown,
): Promise<void> {
  await db.query('INSERT INTO outbox_events (store_id, type, payload) VALUES ($1, $2, $3)', [
    storeId,
    type,
    JSON.stringify(payload),
  ]);
}

export interface PendingEvent {
  type: string;
  payload: unknown;
}

/** Several events in one statement; their ids follow the order given. */
export async function insertEvents(db: Db, storeId: string, events: PendingEvent[]) {
  if (events.length === 0) return;
  if (events.length === 1) return insertEvent(db, storeId, events[0]!.type, events[0]!.payload);
  await db.query(
    `INSERT INTO outbox_events (store_id, type, payload)
     SELECT $1, e.type, e.payload::jsonb
     FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS e(type, payload, n)
     ORDER BY e.n`,
    [storeId, events.map((e) => e.type), events.map((e) => JSON.stringify(e.payload))],
  );
}

export type EventRow = Row<'outbox_events', 'id' | 'type' | 'payload' | 'created_at'>;

/** A store's events in the order they were committed, after an id (exclusive). */
export async function listEvents(
  db: Db,
  storeId: string,
  q: { after: number; limit: number; type?: string },
): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT id, type, payload, created_at FROM outbox_events
     WHERE store_id = $1 AND id > $2 AND ($3::text IS NULL OR type = $3)
     ORDER BY id LIMIT $4`,
    [storeId, q.after, q.type ?? null, q.limit],
  );
  return rows;
}
