import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { RateLimitedError } from '../../core/errors';
import type { Db } from '../../db/pool';
import * as repo from './jobs.repo';

/**
 * The PostgreSQL advisory-lock key (a signed 64-bit integer, as text) that serialises
 * queueing (`queue`) or running (`run`) a store's jobs of one type.
 */
export function jobLockKey(kind: 'queue' | 'run', type: string, storeId: string): string {
  const digest = createHash('sha256').update(`nimbus-job:${kind}:${type}:${storeId}`).digest();
  return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
}

/** A store's job of which at most one may wait (`enqueueOnce`). */
export interface OnceJob {
  storeId: string;
  type: string;
  payload: unknown;
  createdBy?: string;
  /** What the job is, for the 429's message: "forecast recalculation". */
  what: string;
}

export interface OnceOptions {
  minIntervalSeconds: number;
  reuseRunning?: boolean;
  samePayload?: boolean;
}

type Enqueue = (
  db: Db,
  job: { storeId: string; type: string; payload: unknown; createdBy?: string },
) => Promise<string>;

/**
 * Queues a store's job of which at most one may wait, in `tx` under the store's advisory lock
 * of the type (see `enqueueOnce` in jobs.service.ts for the rules).
 */
export async function queueOnceIn(
  enqueueIn: Enqueue,
  tx: PoolClient,
  job: OnceJob,
  opts: OnceOptions,
): Promise<{ jobId: string; queued: boolean }> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [
    jobLockKey('queue', job.type, job.storeId),
  ]);
  const latest = await repo.latestOfType(
    tx,
    job.storeId,
    job.type,
    opts.samePayload ? job.payload : undefined,
  );
  if (latest?.queuedId) return { jobId: latest.queuedId, queued: false };
  const recent = latest && latest.ageSeconds < opts.minIntervalSeconds;
  if (latest?.status === 'running' && (recent || opts.reuseRunning))
    return { jobId: latest.id, queued: false };
  if (latest && recent) {
    const ago = Math.floor(latest.ageSeconds);
    const wait = Math.ceil(opts.minIntervalSeconds - latest.ageSeconds);
    throw new RateLimitedError(
      wait,
      `The ${job.what} was started ${ago} s ago; it can run again in ${wait} s`,
    );
  }
  const { what: _what, ...row } = job;
  return { jobId: await enqueueIn(tx, row), queued: true };
}
