import type { Db } from '../../db/pool';

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
