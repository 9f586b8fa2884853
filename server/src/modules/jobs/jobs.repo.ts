import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';
import { sharedFile } from '../../files/shared-file';

export type JobRow = Row<
  'jobs',
  | 'id'
  | 'store_id'
  | 'type'
  | 'progress'
  | 'result'
  | 'error'
  | 'attempts'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
  | 'started_at'
  | 'completed_at'
> & {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  payload: Record<string, unknown>;
  checkpoint: Record<string, unknown> | null;
};

const COLUMNS = `id, store_id, type, status, progress, payload, checkpoint, result, error, attempts, created_by,
  created_at, updated_at, started_at, completed_at`;

/*
 * A job's input (an upload of up to 20 MB) moves in slices both ways, each a short stretch
 * of work for the event loop: one 20 MB parameter is copied whole into a protocol message
 * (~100 ms), and one 20 MB bytea comes back as 40 MB of hex text to decode.
 */
const INPUT_WRITE_SLICE = 4 * 1024 * 1024;
const INPUT_READ_SLICE = 256 * 1024;

/** In the caller's transaction: the job and its input appear together. */
export async function insert(
  db: Db,
  job: { storeId?: string; type: string; payload: unknown; input?: Buffer; createdBy?: string },
): Promise<string> {
  const input = job.input;
  const { rows } = await db.query<Row<'jobs', 'id'>>(
    `INSERT INTO jobs (store_id, type, payload, input, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      job.storeId ?? null,
      job.type,
      JSON.stringify(job.payload),
      input?.subarray(0, INPUT_WRITE_SLICE) ?? null,
      job.createdBy ?? null,
    ],
  );
  const id = one(rows).id;
  for (let from = INPUT_WRITE_SLICE; input && from < input.length; from += INPUT_WRITE_SLICE) {
    await db.query('UPDATE jobs SET input = input || $2 WHERE id = $1', [
      id,
      input.subarray(from, from + INPUT_WRITE_SLICE),
    ]);
  }
  return id;
}

export async function find(db: Db, storeId: string, id: string): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(
    `SELECT ${COLUMNS} FROM jobs WHERE store_id = $1 AND id = $2`,
    [storeId, id],
  );
  return rows[0];
}

/**
 * The queue delivered the job to this worker: it runs now (one more attempt). Undefined when
 * the record is gone (its store was deleted) or already settled.
 */
export async function begin(db: Db, id: string): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = now(), updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
    [id],
  );
  return rows[0];
}

/**
 * The input, in slices copied into shared memory as they come (files/shared-file.ts), so
 * the read worker takes it without another copy.
 */
export async function input(db: Db, id: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ bytes: number | null }>(
    'SELECT octet_length(input) AS bytes FROM jobs WHERE id = $1',
    [id],
  );
  const bytes = rows[0]?.bytes;
  if (bytes === null || bytes === undefined) return null;
  const out = sharedFile(bytes);
  for (let from = 0; from < bytes; from += INPUT_READ_SLICE) {
    const slice = await db.query<{ part: Buffer }>(
      'SELECT substring(input FROM $2 FOR $3) AS part FROM jobs WHERE id = $1',
      [id, from + 1, INPUT_READ_SLICE],
    );
    one(slice.rows).part.copy(out, from);
  }
  return out;
}

/** Progress and checkpoint, written in the caller's transaction with the work they describe. */
export async function progress(
  db: Db,
  id: string,
  percent: number,
  checkpoint?: unknown,
): Promise<void> {
  await db.query(
    `UPDATE jobs SET progress = $2, checkpoint = COALESCE($3, checkpoint), updated_at = now()
     WHERE id = $1`,
    [
      id,
      Math.max(0, Math.min(100, Math.floor(percent))),
      checkpoint === undefined ? null : JSON.stringify(checkpoint),
    ],
  );
}

/** How a delivery ended: done, failed for good, or back in the queue for another attempt. */
export type Outcome =
  { status: 'succeeded'; result: unknown } | { status: 'failed' | 'queued'; error: string };

export async function settle(db: Db, id: string, o: Outcome): Promise<void> {
  if (o.status === 'succeeded') {
    await db.query(
      `UPDATE jobs SET status = 'succeeded', progress = 100, result = $2, input = NULL, completed_at = now(), updated_at = now()
       WHERE id = $1`,
      [id, JSON.stringify(o.result)],
    );
    return;
  }
  await db.query(
    o.status === 'failed'
      ? `UPDATE jobs SET status = 'failed', error = $2, input = NULL, completed_at = now(), updated_at = now() WHERE id = $1`
      : `UPDATE jobs SET status = 'queued', error = $2, updated_at = now() WHERE id = $1`,
    [id, o.error],
  );
}

/** The store a job belongs to (null for a system job), or undefined when it is gone. */
export async function storeOf(db: Db, id: string): Promise<string | null | undefined> {
  const { rows } = await db.query<Row<'jobs', 'store_id'>>(
    'SELECT store_id FROM jobs WHERE id = $1',
    [id],
  );
  return rows[0] ? rows[0].store_id : undefined;
}

/**
 * A store's newest job of a type (its status and age in seconds) and the id of one of that
 * type still queued, if any; with `payload`, only jobs of that payload.
 */
export async function latestOfType(
  db: Db,
  storeId: string,
  type: string,
  payload?: unknown,
): Promise<
  { id: string; status: JobRow['status']; ageSeconds: number; queuedId: string | null } | undefined
> {
  const { rows } = await db.query<
    Pick<JobRow, 'id' | 'status'> & { age_seconds: number; queued_id: string | null }
  >(
    `SELECT id, status, extract(epoch FROM now() - created_at)::float8 AS age_seconds,
       (SELECT q.id FROM jobs q WHERE q.store_id = $1 AND q.type = $2 AND q.status = 'queued'
          AND ($3::jsonb IS NULL OR q.payload = $3::jsonb)
        ORDER BY q.created_at LIMIT 1) AS queued_id
     FROM jobs WHERE store_id = $1 AND type = $2 AND ($3::jsonb IS NULL OR payload = $3::jsonb)
     ORDER BY created_at DESC LIMIT 1`,
    [storeId, type, payload === undefined ? null : JSON.stringify(payload)],
  );
  const r = rows[0];
  return r && { id: r.id, status: r.status, ageSeconds: r.age_seconds, queuedId: r.queued_id };
}

/** Deletes jobs finished before `days` ago (a report job's stored result goes with it). */
export async function purgeFinished(db: Db, days: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM jobs
     WHERE status IN ('succeeded', 'failed') AND coalesce(completed_at, updated_at) < now() - make_interval(days => $1)`,
    [days],
  );
  return rowCount ?? 0;
}

/** A job as the API shows it. */
export const toJob = (r: JobRow) => ({
  id: r.id,
  type: r.type,
  status: r.status,
  progress: r.progress,
  result: r.result ?? null,
  error: r.error,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  startedAt: r.started_at?.toISOString() ?? null,
  completedAt: r.completed_at?.toISOString() ?? null,
});
