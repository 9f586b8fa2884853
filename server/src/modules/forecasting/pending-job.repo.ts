import type { Db } from '../../db/pool';

/**
 * The store's job of this type that is queued or running, if any (a read of the jobs
 * module's table): a second click on "recalculate" follows the first run instead of
 * queueing the same work twice.
 */
export async function pendingJob(db: Db, storeId: string, type: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM jobs WHERE store_id = $1 AND type = $2 AND status IN ('queued', 'running')
     ORDER BY created_at DESC LIMIT 1`,
    [storeId, type],
  );
  return rows[0]?.id ?? null;
}
