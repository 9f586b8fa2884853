import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { isTransient, NotFoundError } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';
import * as repo from './jobs.repo';

export interface JobContext {
  job: repo.JobRow;
  /** The uploaded input, if the job has one. */
  input(): Promise<Buffer | null>;
  /** Records progress (and a resume point) in the transaction that did the work. */
  progress(db: Db, percent: number, checkpoint?: unknown): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

const MAX_ATTEMPTS = 3;
/** The queue takes a job back from a worker silent for this long (a crash, not a shutdown). */
const EXPIRE_SECONDS = 30 * 60;
const POLL_SECONDS = 2;

/** pg-boss runs its SQL through our pool, or through the caller's transaction. */
const through = (db: Db) => ({
  executeSql: (text: string, values: unknown[]) => db.query(text, values),
});

/**
 * Background jobs. pg-boss (a maintained PostgreSQL queue, its tables in the `pgboss` schema)
 * delivers each job once across replicas, retries it with backoff and takes it back from a
 * worker that died; the `jobs` table is what a store sees of it: status, progress, result or
 * error, and the uploaded input. A job is enqueued in the caller's transaction, so it exists
 * exactly when the change that asked for it committed.
 */
export function createJobsService({ pool, log }: { pool: Pool; log: Logger }) {
  const handlers = new Map<string, JobHandler>();
  const workers = new Map<string, string>();
  let boss: Promise<PgBoss> | undefined;
  let supervised = false;

  /** The queue client; `supervise` (maintenance, expiry) only in the process that runs jobs. */
  function queue(supervise = false): Promise<PgBoss> {
    boss ??= (async () => {
      const b = new PgBoss({ db: through(pool), supervise, schedule: false });
      b.on('error', (err) => log.warn('job queue error', { error: String(err) }));
      await b.start();
      for (const type of handlers.keys()) {
        await b.createQueue(type, {
          name: type,
          retryLimit: MAX_ATTEMPTS - 1,
          retryDelay: 5,
          retryBackoff: true,
          expireInSeconds: EXPIRE_SECONDS,
        });
      }
      supervised = supervise;
      return b;
    })();
    return boss;
  }

  const toJob = (r: repo.JobRow) => ({
    id: r.id,
    type: r.type,
    status: r.status,
    progress: r.progress,
    result: r.result ?? null,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  });

  /** One delivery of a job. Throws only to have the queue deliver it again later. */
  async function run(type: string, id: string): Promise<void> {
    const job = await repo.begin(pool, id);
    if (!job) return;
    try {
      const handler = handlers.get(type);
      if (!handler) throw new Error(`no handler for job type ${type}`);
      const result = await handler({
        job,
        input: () => repo.input(pool, job.id),
        progress: (db, percent, checkpoint) => repo.progress(db, job.id, percent, checkpoint),
      });
      await repo.succeed(pool, job.id, result);
    } catch (err) {
      // A refusal of the job's own input (an unreadable file) fails the same way every time:
      // retries are for transient errors.
      const final = !isTransient(err) || job.attempts >= MAX_ATTEMPTS;
      log.warn('job failed', { jobId: job.id, type, attempt: job.attempts, error: String(err) });
      await repo.fail(pool, job.id, err instanceof Error ? err.message : String(err), final);
      if (!final) throw err;
    }
  }

  return {
    register(type: string, handler: JobHandler) {
      handlers.set(type, handler);
    },

    async enqueue(
      db: Db,
      /** No store: a system job (a password-reset mail), not listed under any store. */
      job: { storeId?: string; type: string; payload: unknown; input?: Buffer; createdBy?: string },
    ) {
      const id = await repo.insert(db, job);
      await (await queue()).send(job.type, { jobId: id }, { db: through(db) });
      return id;
    },

    /** Wakes this process's workers now (after the enqueueing transaction committed). */
    nudge() {
      if (!boss) return;
      void boss.then((b) => workers.forEach((worker) => b.notifyWorker(worker)));
    },

    async get(ctx: StoreContext, id: string) {
      const row = await repo.find(pool, ctx.storeId, id);
      if (!row) throw new NotFoundError('Job');
      return toJob(row);
    },

    /** Runs jobs in this process until stop(). */
    async start() {
      if (boss && !supervised) await (await boss).stop({ graceful: false, close: false });
      if (!supervised) boss = undefined;
      const b = await queue(true);
      for (const type of handlers.keys()) {
        const worker = await b.work<{ jobId: string }>(
          type,
          { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS },
          async ([job]) => run(type, job!.data.jobId),
        );
        workers.set(type, worker);
      }
    },

    /**
     * Lets running jobs finish within `timeoutMs`; what is still running then is handed back to
     * the queue (it resumes from its last checkpoint on the next delivery).
     */
    async stop(timeoutMs = 5000) {
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
