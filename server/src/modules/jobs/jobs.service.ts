import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { isTransient, NotFoundError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
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
const STALE_SECONDS = 300;

/** Jobs in PostgreSQL: enqueue inside a transaction, run once across replicas, survive restarts. */
export function createJobsService({ pool, log }: { pool: Pool; log: Logger }) {
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

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

  async function runOne(): Promise<boolean> {
    const job = await repo.claim(pool, STALE_SECONDS);
    if (!job) return false;
    const handler = handlers.get(job.type);
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      const result = await handler({
        job,
        input: () => repo.input(pool, job.id),
        progress: (db, percent, checkpoint) => repo.progress(db, job.id, percent, checkpoint),
      });
      await repo.succeed(pool, job.id, result);
    } catch (err) {
      // A refusal of the job's own input (a 4xx: an unreadable file) fails the same way
      // every time: retries are for transient errors.
      const permanent = !isTransient(err);
      const retry = !permanent && job.attempts < MAX_ATTEMPTS ? 5 * 2 ** job.attempts : null;
      log.warn('job failed', {
        jobId: job.id,
        type: job.type,
        attempt: job.attempts,
        error: String(err),
      });
      await repo.fail(pool, job.id, err instanceof Error ? err.message : String(err), retry);
    }
    return true;
  }

  /** Drains runnable jobs; one drain at a time in this process. */
  function tick(): Promise<void> {
    running ??= (async () => {
      try {
        while (!stopped && (await runOne()));
      } catch (err) {
        log.error('job worker error', { error: String(err) });
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    register(type: string, handler: JobHandler) {
      handlers.set(type, handler);
    },

    enqueue(
      db: Db,
      /** No store: a system job (a password-reset mail), not listed under any store. */
      job: { storeId?: string; type: string; payload: unknown; input?: Buffer; createdBy?: string },
    ) {
      return repo.insert(db, job);
    },

    /** Wakes this process's worker now (after the enqueueing transaction committed). */
    nudge() {
      if (!stopped) void tick();
    },

    async get(ctx: StoreContext, id: string) {
      const row = await repo.find(pool, ctx.storeId, id);
      if (!row) throw new NotFoundError('Job');
      return toJob(row);
    },

    start(intervalMs = 1000) {
      stopped = false;
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    },

    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },

    /** Runs every runnable job to completion (tests, CLI). */
    async drain() {
      const wasStopped = stopped;
      stopped = false;
      await tick();
      stopped = wasStopped;
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
