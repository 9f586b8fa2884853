import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';

export const MAX_ATTEMPTS = 3;
/** The queue takes a job back from a worker silent for this long (a crash, not a shutdown). */
const EXPIRE_SECONDS = 30 * 60;
export const POLL_SECONDS = 2;

/**
 * pg-boss 10 settles a worker's job without awaiting it (`this.complete(…)` and `this.fail(…)`
 * in the worker's onFetch, src/manager.js), so with the database down that promise rejects with
 * no one to catch it and Node ends the process: CI saw the server die when PostgreSQL was
 * killed while a job ran. Each settle is marked handled here (callers that await it still see
 * the error); the job stays active until it expires and is delivered again, as after a crash.
 * Remove when pg-boss awaits them (issue 24 moves to its current major).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Manager = require('pg-boss/src/manager') as {
  prototype: Record<'complete' | 'fail', (...args: unknown[]) => Promise<unknown>>;
};
for (const name of ['complete', 'fail'] as const) {
  const settle = Manager.prototype[name];
  const handled = function (this: unknown, ...args: unknown[]) {
    const settled = settle.apply(this, args);
    settled.catch(() => undefined);
    return settled;
  };
  // PgBoss exposes the manager's functions by their `name`: the wrapper keeps it.
  Object.defineProperty(handled, 'name', { value: settle.name });
  Manager.prototype[name] = handled;
}

/** pg-boss runs its SQL through our pool, or through the caller's transaction. */
export const through = (db: Db) => ({
  executeSql: (text: string, values: unknown[]) => db.query(text, values),
});

/**
 * Starts the pg-boss client with a queue per job type; `supervise` (maintenance, expiry) only
 * in the process that runs jobs.
 */
export async function startQueue(
  pool: Pool,
  log: Logger,
  types: readonly string[],
  supervise: boolean,
): Promise<PgBoss> {
  const b = new PgBoss({ db: through(pool), supervise, schedule: false });
  b.on('error', (err) => log.warn('job queue error', { error: String(err) }));
  await b.start();
  for (const type of types) {
    const options = {
      name: type,
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: EXPIRE_SECONDS,
    };
    // Two replicas starting at once can deadlock creating the same queue's table: the loser
    // tries again, and then finds it made.
    for (let attempt = 1; ; attempt++) {
      try {
        await b.createQueue(type, options);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
        await sleep(50 * attempt);
      }
    }
  }
  return b;
}
