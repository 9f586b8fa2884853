import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export type EndpointRow = Row<
  'webhook_endpoints',
  | 'id'
  | 'store_id'
  | 'url'
  | 'description'
  | 'events'
  | 'secret'
  | 'previous_secret'
  | 'previous_secret_expires_at'
  | 'enabled'
  | 'disabled_reason'
  | 'consecutive_failures'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
>;

const COLUMNS = `id, store_id, url, description, events, secret, previous_secret,
  previous_secret_expires_at, enabled, disabled_reason, consecutive_failures, created_by,
  created_at, updated_at`;

/** At most this many endpoints a store keeps (a list is one page). */
export const MAX_ENDPOINTS_PER_STORE = 20;

export async function insertEndpoint(
  db: Db,
  e: {
    storeId: string;
    url: string;
    description: string;
    events: string[];
    secret: string;
    createdBy: string;
  },
): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (store_id, url, description, events, secret, created_by)
     SELECT $1, $2, $3, $4, $5, $6
     WHERE (SELECT count(*) FROM webhook_endpoints WHERE store_id = $1) < $7
     RETURNING ${COLUMNS}`,
    [e.storeId, e.url, e.description, e.events, e.secret, e.createdBy, MAX_ENDPOINTS_PER_STORE],
  );
  return rows[0];
}

export async function listEndpoints(db: Db, storeId: string): Promise<EndpointRow[]> {
  const { rows } = await db.query<EndpointRow>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE store_id = $1 ORDER BY created_at DESC, id DESC`,
    [storeId],
  );
  return rows;
}

export async function findEndpoint(
  db: Db,
  storeId: string,
  id: string,
): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE store_id = $1 AND id = $2`,
    [storeId, id],
  );
  return rows[0];
}

/** An endpoint by id alone: the delivery job's (its payload names the endpoint). */
export async function endpointById(db: Db, id: string): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** The store's enabled endpoints of several stores (the events just published). */
export async function enabledOf(db: Db, storeIds: readonly string[]): Promise<EndpointRow[]> {
  const { rows } = await db.query<EndpointRow>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE store_id = ANY($1::uuid[]) AND enabled`,
    [storeIds],
  );
  return rows;
}

/** Applies the fields given; enabling or disabling by hand clears the run of failures. */
export async function updateEndpoint(
  db: Db,
  storeId: string,
  id: string,
  set: { url?: string; description?: string; events?: string[]; enabled?: boolean },
): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>(
    `UPDATE webhook_endpoints SET
       url = coalesce($3, url),
       description = coalesce($4, description),
       events = coalesce($5, events),
       enabled = coalesce($6, enabled),
       disabled_reason = CASE WHEN $6 IS NULL THEN disabled_reason
                              WHEN $6 THEN NULL ELSE 'Disabled by an admin' END,
       consecutive_failures = CASE WHEN $6 IS NULL THEN consecutive_failures ELSE 0 END,
       updated_at = date_trunc('milliseconds', now())
     WHERE store_id = $1 AND id = $2
     RETURNING ${COLUMNS}`,
    [
      storeId,
      id,
      set.url ?? null,
      set.description ?? null,
      set.events ?? null,
      set.enabled ?? null,
    ],
  );
  return rows[0];
}

export async function deleteEndpoint(db: Db, storeId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'DELETE FROM webhook_endpoints WHERE store_id = $1 AND id = $2',
    [storeId, id],
  );
  return (rowCount ?? 0) > 0;
}

/** A new secret; the one it replaces still signs until `overlapMs` from now. */
export async function rotateSecret(
  db: Db,
  storeId: string,
  id: string,
  secret: string,
  overlapMs: number,
): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>(
    `UPDATE webhook_endpoints SET
       previous_secret = secret,
       previous_secret_expires_at = date_trunc('milliseconds', now())
         + make_interval(secs => $4::double precision / 1000),
       secret = $3,
       updated_at = date_trunc('milliseconds', now())
     WHERE store_id = $1 AND id = $2
     RETURNING ${COLUMNS}`,
    [storeId, id, secret, overlapMs],
  );
  return rows[0];
}

/**
 * Marks the endpoints whose delivery job must be queued and answers them: those with none
 * queued. The rows stay locked until the caller's transaction ends, so a job that clears the
 * mark (`takeDrain`) waits for the deliveries this transaction adds and then sees them.
 */
export async function markDrainQueued(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string; was: boolean }>(
    `WITH locked AS (
       SELECT id, drain_queued AS was FROM webhook_endpoints
       WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE
     )
     UPDATE webhook_endpoints e SET drain_queued = true FROM locked
     WHERE e.id = locked.id
     RETURNING e.id, locked.was`,
    [ids],
  );
  return rows.filter((r) => !r.was).map((r) => r.id);
}

/** A retry's job is queued: deliveries added meanwhile wait for it, queueing none. */
export async function retryQueued(db: Db, id: string): Promise<void> {
  await db.query('UPDATE webhook_endpoints SET drain_queued = true WHERE id = $1', [id]);
}

/** The delivery job has begun: deliveries added from now on queue another. */
export async function takeDrain(db: Db, id: string): Promise<void> {
  await db.query('UPDATE webhook_endpoints SET drain_queued = false WHERE id = $1', [id]);
}

/** After a successful delivery: the run of failures ends. */
export async function succeeded(db: Db, id: string): Promise<void> {
  await db.query(
    'UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures > 0',
    [id],
  );
}

/** One more failed attempt in a row; answers the run's length now. */
export async function failed(db: Db, id: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1
     WHERE id = $1 RETURNING consecutive_failures AS n`,
    [id],
  );
  return rows[0]?.n ?? 0;
}

export async function disable(db: Db, id: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2,
       updated_at = date_trunc('milliseconds', now())
     WHERE id = $1`,
    [id, reason],
  );
}

/** The store's endpoints disabled after their run of failures (an alert each). */
export async function disabledByFailures(db: Db, storeId: string) {
  const { rows } = await db.query<Row<'webhook_endpoints', 'id' | 'url' | 'disabled_reason'>>(
    `SELECT id, url, disabled_reason FROM webhook_endpoints
     WHERE store_id = $1 AND NOT enabled AND consecutive_failures > 0
     ORDER BY created_at`,
    [storeId],
  );
  return rows;
}

/**
 * Enabled endpoints whose queue has not moved for `minutes` although its head is due: their
 * delivery job was lost (it failed for good on a database error). The hourly cleanup queues
 * them one again.
 */
export async function stalled(db: Db, minutes: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT e.id FROM webhook_endpoints e
     WHERE e.enabled AND EXISTS (
       SELECT 1 FROM webhook_deliveries d
       WHERE d.endpoint_id = e.id AND d.status IN ('pending', 'retrying')
         AND coalesce(d.next_attempt_at, d.created_at) < now() - make_interval(mins => $1))`,
    [minutes],
  );
  return rows.map((r) => r.id);
}
