import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryRow = Row<
  'webhook_deliveries',
  | 'id'
  | 'seq'
  | 'endpoint_id'
  | 'event_id'
  | 'event_type'
  | 'redelivery_of'
  | 'attempts'
  | 'next_attempt_at'
  | 'response_status'
  | 'duration_ms'
  | 'response_excerpt'
  | 'error'
  | 'created_at'
  | 'delivered_at'
> & { status: DeliveryStatus; payload: unknown };

const COLUMNS = `id, seq, endpoint_id, event_id, event_type, payload, redelivery_of, status,
  attempts, next_attempt_at, response_status, duration_ms, response_excerpt, error, created_at,
  delivered_at`;

export interface NewDelivery {
  storeId: string;
  endpointId: string;
  outboxId: number | null;
  eventId: string;
  eventType: string;
  payload: unknown;
  redeliveryOf?: string | null;
}

/**
 * Queues deliveries in the order given (their `seq` follows it); an outbox event already
 * queued for an endpoint (the publisher tells at least once) is skipped.
 */
export async function insertDeliveries(db: Db, ds: readonly NewDelivery[]): Promise<DeliveryRow[]> {
  if (ds.length === 0) return [];
  const { rows } = await db.query<DeliveryRow>(
    `INSERT INTO webhook_deliveries
       (store_id, endpoint_id, outbox_id, event_id, event_type, payload, redelivery_of)
     SELECT d.store_id, d.endpoint_id, d.outbox_id, d.event_id, d.event_type, d.payload::jsonb,
            d.redelivery_of
     FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[],
                 $7::uuid[]) WITH ORDINALITY
       AS d (store_id, endpoint_id, outbox_id, event_id, event_type, payload, redelivery_of, n)
     ORDER BY d.n
     ON CONFLICT (endpoint_id, outbox_id) WHERE outbox_id IS NOT NULL DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      ds.map((d) => d.storeId),
      ds.map((d) => d.endpointId),
      ds.map((d) => d.outboxId),
      ds.map((d) => d.eventId),
      ds.map((d) => d.eventType),
      ds.map((d) => JSON.stringify(d.payload)),
      ds.map((d) => d.redeliveryOf ?? null),
    ],
  );
  return rows;
}

/** The endpoint's next delivery in order, and whether its time has come. */
export async function head(
  db: Db,
  endpointId: string,
): Promise<(DeliveryRow & { due: boolean }) | undefined> {
  const { rows } = await db.query<DeliveryRow & { due: boolean }>(
    `SELECT ${COLUMNS}, (next_attempt_at IS NULL OR next_attempt_at <= now()) AS due
     FROM webhook_deliveries
     WHERE endpoint_id = $1 AND status IN ('pending', 'retrying')
     ORDER BY seq LIMIT 1`,
    [endpointId],
  );
  return rows[0];
}

export interface Attempt {
  status: DeliveryStatus;
  responseStatus: number | null;
  durationMs: number;
  excerpt: string | null;
  error: string | null;
  /** A retry's wait (status `retrying`). */
  retryInMs?: number;
}

/** Records an attempt; answers when the next one is due (a retry), per the database's clock. */
export async function recordAttempt(db: Db, id: string, a: Attempt): Promise<Date | null> {
  const { rows } = await db.query<{ next_attempt_at: Date | null }>(
    `UPDATE webhook_deliveries SET
       status = $2, attempts = attempts + 1, response_status = $3, duration_ms = $4,
       response_excerpt = $5, error = $6,
       next_attempt_at = CASE WHEN $2 = 'retrying'
         THEN now() + make_interval(secs => $7::double precision / 1000) END,
       delivered_at = CASE WHEN $2 = 'succeeded' THEN date_trunc('milliseconds', now()) END
     WHERE id = $1 RETURNING next_attempt_at`,
    [id, a.status, a.responseStatus, a.durationMs, a.excerpt, a.error, a.retryInMs ?? 0],
  );
  return rows[0]?.next_attempt_at ?? null;
}

/** Gives up the endpoint's queued deliveries (it was disabled). */
export async function failQueued(db: Db, endpointId: string, error: string): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL,
       error = coalesce(error || '; ', '') || $2
     WHERE endpoint_id = $1 AND status IN ('pending', 'retrying')`,
    [endpointId, error],
  );
  return rowCount ?? 0;
}

export async function findDelivery(
  db: Db,
  storeId: string,
  endpointId: string,
  id: string,
): Promise<DeliveryRow | undefined> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT ${COLUMNS} FROM webhook_deliveries
     WHERE store_id = $1 AND endpoint_id = $2 AND id = $3`,
    [storeId, endpointId, id],
  );
  return rows[0];
}

/** A page of an endpoint's deliveries, newest first; `afterSeq` is the last of the page before. */
export async function listDeliveries(
  db: Db,
  storeId: string,
  endpointId: string,
  q: { status?: DeliveryStatus; limit: number; afterSeq?: number },
): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT ${COLUMNS} FROM webhook_deliveries
     WHERE store_id = $1 AND endpoint_id = $2 AND ($3::text IS NULL OR status = $3)
       AND ($4::bigint IS NULL OR seq < $4)
     ORDER BY seq DESC LIMIT $5`,
    [storeId, endpointId, q.status ?? null, q.afterSeq ?? null, q.limit],
  );
  return rows;
}

/** The hourly cleanup: deliveries settled more than `days` ago. */
export async function purgeSettled(db: Db, days: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM webhook_deliveries
     WHERE status IN ('succeeded', 'failed') AND created_at < now() - make_interval(days => $1)`,
    [days],
  );
  return rowCount ?? 0;
}
