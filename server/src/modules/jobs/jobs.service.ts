import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { isTransient, NotFoundError } from '../../core/errors';
import { withTransaction, type Db } from '../../db/pool';
import { one } from '../../db/rows';
import { KeyedLimiter } from '../../platform/keyed-limiter';
import type { Logger } from '../../logger';
import type { StoreWriter } from '../events/events.service';
import * as repo from './jobs.repo';
import { jobLockKey, queueOnceIn, type OnceJob, type OnceOptions } from './jobs.once';
import { MAX_ATTEMPTS, POLL_SECONDS, startQueue, through } from './jobs.queue';

export { jobLockKey } from './jobs.once';

export interface JobContext {
  job: repo.JobRow;
  /** The uploaded input, if the job has one. */
  input(): Promise<Buffer | null>;
  /** Records progress (and a resume point) in the transaction that did the work. */
  progress(db: Db, percent: number, checkpoint?: unknown): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface JobOptions {
  /**
   * A store runs at most one job of this type at a time, across replicas: a worker that gets
   * one while another runs for the store leaves it queued until that one has finished.
   */
  onePerStore?: boolean;
  /**
   * What a store's job of this type is called ("Product import"): when one settles (finished,
   * or failed for good) its status and a `job.finished` event commit together, so the member
   * who started it is told and a failure can raise an alert.
   */
  announce?: string;
  /** Jobs of this type one process runs at once (default 1): for jobs that mostly wait. */
  concurrency?: number;
}

/** Days a finished job (and a report job's result) is kept before the hourly cleanup. */
export const FINISHED_JOB_DAYS = 30;

/** How often a worker waiting for a store's running job looks again. */
const LOCK_POLL_MS = 500;

/**
 * Background jobs. pg-boss (a maintained PostgreSQL queue, its tables in the `pgboss` schema)
 * delivers each job once across replicas, retries it with backoff and takes it back from a
 * worker that died; the `jobs` table is what a store sees of it: status, progress, result or
 * error, and the uploaded input. A job is enqueued in the caller's transaction, so it exists
 * exactly when the change that asked for it committed.
 */
export function createJobsService({
  pool,
  log,
  write,
}: {
  pool: Pool;
  log: Logger;
  /** The store writer: a settled announced job's event commits with its status. */
  write?: StoreWriter;
}) {
  const handlers = new Map<string, JobHandler>();
  const onePerStore = new Set<string>();
  const announced = new Map<string, string>();
  const concurrency = new Map<string, number>();
  const workers = new Map<string, string[]>();
  let stopping = false;
  // Within a process one request at a time checks-and-queues per store and type: the others
  // wait here, not holding a database connection in the advisory lock's queue.
  const queueing = new KeyedLimiter({ perKey: 1 });
  let boss: Promise<PgBoss> | undefined;
  let supervised = false;

  /** The queue client; `supervise` (maintenance, expiry) only in the process that runs jobs. */
  function queue(supervise = false): Promise<PgBoss> {
    boss ??= startQueue(pool, log, [...handlers.keys()], supervise).then((b) => {
      supervised = supervise;
      return b;
    });
    // A start that failed is tried again by the next caller.
    boss.catch(() => (boss = undefined));
    return boss;
  }

  /**
   * Waits for the store's run lock of the type on `client` (held until unlocked or the
   * connection ends, so a replica that dies gives it back). The job stays queued meanwhile.
   */
  async function lockRun(client: PoolClient, key: string): Promise<void> {
    for (;;) {
      const { rows } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS ok',
        [key],
      );
      if (one(rows).ok) return;
      // Thrown before the job began: the queue delivers it again later, to this or another worker.
      if (stopping) throw new Error('shutting down while waiting for the store to be free');
      await sleep(LOCK_POLL_MS);
    }
  }

  /** One delivery of a job; one at a time per store when its type says so. */
  async function run(type: string, id: string): Promise<void> {
    if (!onePerStore.has(type)) return runNow(type, id);
    const storeId = await repo.storeOf(pool, id);
    if (!storeId) return runNow(type, id);
    const client = await pool.connect();
    const key = jobLockKey('run', type, storeId);
    let broken: Error | undefined;
    try {
      await lockRun(client, key);
      try {
        await runNow(type, id);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch((err: Error) => {
          broken = err;
        });
      }
    } finally {
      // A connection that could not unlock is not handed on still holding the lock.
      client.release(broken);
    }
  }

  /** Records how a delivery ended; an announced store job that settled says so in the outbox. */
  async function settle(job: repo.JobRow, outcome: repo.Outcome): Promise<void> {
    const what = announced.get(job.type);
    const { status } = outcome;
    if (!what || !job.store_id || !write || status === 'queued') {
      return repo.settle(pool, job.id, outcome);
    }
    const error = outcome.status === 'failed' ? outcome.error : null;
    await write({ storeId: job.store_id }, async (tx, emit) => {
      await repo.settle(tx, job.id, outcome);
      await emit('job.finished', {
        jobId: job.id,
        type: job.type,
        what,
        status,
        error,
        startedBy: job.created_by,
      });
    });
  }

  /** One delivery of a job. Throws only to have the queue deliver it again later. */
  async function runNow(type: string, id: string): Promise<void> {
    const job = await repo.begin(pool, id);
    if (!job) return;
    let result: unknown;
    try {
      const handler = handlers.get(type);
      if (!handler) throw new Error(`no handler for job type ${type}`);
      result = await handler({
        job,
        input: () => repo.input(pool, job.id),
        progress: (db, percent, checkpoint) => repo.progress(db, job.id, percent, checkpoint),
      });
    } catch (err) {
      // A refusal of the job's own input (an unreadable file) fails the same way every time:
      // retries are for transient errors.
      const final = !isTransient(err) || job.attempts >= MAX_ATTEMPTS;
      log.warn('job failed', { jobId: job.id, type, attempt: job.attempts, error: String(err) });
      const error = err instanceof Error ? err.message : String(err);
      await settle(job, { status: final ? 'failed' : 'queued', error });
      if (!final) throw err;
      return;
    }
    await settle(job, { status: 'succeeded', result });
  }

  async function enqueueIn(
    db: Db,
    /** No store: a system job (a password-reset mail), not listed under any store. */
    job: {
      storeId?: string;
      type: string;
      payload: unknown;
      input?: Buffer;
      createdBy?: string;
      /** Not run before then (a retry's backoff that the job keeps itself). */
      startAfter?: Date;
    },
  ) {
    const { startAfter, ...row } = job;
    const id = await repo.insert(db, row);
    await (
      await queue()
    ).send(job.type, { jobId: id }, { db: through(db), ...(startAfter ? { startAfter } : {}) });
    return id;
  }

  function nudge() {
    if (!boss) return;
    void boss.then((b) => workers.forEach((ids) => ids.forEach((id) => b.notifyWorker(id))));
  }

  return {
    register(type: string, handler: JobHandler, options: JobOptions = {}) {
      handlers.set(type, handler);
      if (options.onePerStore) onePerStore.add(type);
      if (options.announce) announced.set(type, options.announce);
      if (options.concurrency) concurrency.set(type, options.concurrency);
    },

    /** The job types whose outcomes are announced, with what each is called. */
    announced: (): ReadonlyMap<string, string> => announced,

    enqueue: enqueueIn,

    /**
     * Queues a store's job of which at most one may wait, under the store's advisory lock of
     * the type (concurrent requests on any replica queue one job, never two). While one is
     * queued its id is answered and nothing more is queued; so is a running one queued less
     * than `minIntervalSeconds` ago (or any running one with `reuseRunning`); within the
     * interval after one finished, 429 with Retry-After. `samePayload`: only jobs asking for
     * the same thing (equal payloads) count, as for a report with its params.
     */
    async enqueueOnce(
      job: OnceJob,
      opts: OnceOptions,
    ): Promise<{ jobId: string; queued: boolean }> {
      // Started before the transaction: starting it takes connections of its own.
      await queue();
      const key = jobLockKey('queue', job.type, job.storeId);
      const answer = await queueing.run(key, () =>
        withTransaction(pool, (tx) => queueOnceIn(enqueueIn, tx, job, opts)),
      );
      if (answer.queued) nudge();
      return answer;
    },

    /**
     * `enqueueOnce` in the caller's transaction (a scheduled run recorded with its job): the
     * job exists exactly when the caller's change commits. The caller nudges the workers after
     * its commit.
     */
    enqueueOnceIn: (tx: PoolClient, job: OnceJob, opts: OnceOptions) =>
      queueOnceIn(enqueueIn, tx, job, opts),

    /** The hourly cleanup: jobs finished long ago. */
    purgeFinished: () => repo.purgeFinished(pool, FINISHED_JOB_DAYS),

    /** Wakes this process's workers now (after the enqueueing transaction committed). */
    nudge,

    async get(ctx: StoreContext, id: string) {
      const row = await repo.find(pool, ctx.storeId, id);
      if (!row) throw new NotFoundError('Job');
      return repo.toJob(row);
    },

    /** Runs jobs in this process until stop(). */
    async start() {
      stopping = false;
      if (boss && !supervised) await (await boss).stop({ graceful: false, close: false });
      if (!supervised) boss = undefined;
      const b = await queue(true);
      for (const type of handlers.keys()) {
        const ids: string[] = [];
        for (let n = concurrency.get(type) ?? 1; n > 0; n--) {
          ids.push(
            await b.work<{ jobId: string }>(
              type,
              { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS },
              async ([job]) => run(type, job!.data.jobId),
            ),
          );
        }
        workers.set(type, ids);
      }
    },

    /**
     * Lets running jobs finish within `timeoutMs`; what is still running then is handed back to
     * the queue (it resumes from its last checkpoint on the next delivery).
     */
    async stop(timeoutMs = 5000) {
      stopping = true;
      if (!boss) return;
      const b = await boss;
      await b.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
      boss = undefined;
      workers.clear();
    },

    /** Runs every job that is due, to completion, in this process (tests, CLI). */
    async drain() {
      const b = await queue();
      for (let ran = true; ran;) {
        ran = false;
        for (const type of handlers.keys()) {
          const [job] = await b.fetch<{ jobId: string }>(type);
          if (!job) continue;
          ran = true;
          try {
            await run(type, job.data.jobId);
            await b.complete(type, job.id);
          } catch (err) {
            await b.fail(type, job.id, { message: String(err) });
          }
        }
      }
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
