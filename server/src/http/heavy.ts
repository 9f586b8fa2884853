import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { RateLimitedError, ServiceUnavailableError } from '../core/errors';
import { KeyedLimiter } from '../platform/keyed-limiter';

/**
 * Heavy routes (reports, forecasts, the reorder plan, exports): the heavy rate limit per user
 * (RATE_LIMIT_HEAVY_MAX a minute) and a concurrency limit in this process, per store
 * (HEAVY_CONCURRENCY_PER_STORE) and in all (HEAVY_CONCURRENCY). A request beyond it waits up
 * to HEAVY_QUEUE_MS for a slot, then is refused: 429 when its own store's slots are taken
 * (that store is asking for too much at once), 503 when the process's are (this replica is
 * busy: another may not be), both with Retry-After. The limit is per process on purpose:
 * what it protects — this event loop and this process's database connections — is too.
 */
export interface Heavy {
  rateLimit: RequestHandler;
  run<T>(storeId: string, task: () => Promise<T>): Promise<T>;
}

const RETRY_AFTER_SECONDS = 2;

export function createHeavy(limits: Config['heavy'], rateLimit: RequestHandler): Heavy {
  const slots = new KeyedLimiter({ perKey: limits.perStore, total: limits.total });
  return {
    rateLimit,
    run: (storeId, task) =>
      slots.run(storeId, task, {
        maxWaitMs: limits.queueMs,
        refuse: (full) =>
          full === 'key'
            ? new RateLimitedError(
                RETRY_AFTER_SECONDS,
                `This store already runs ${limits.perStore} reports or plans at once: try again in a few seconds`,
              )
            : new ServiceUnavailableError('The server is busy with reports: try again shortly', {
                retryAfterSeconds: RETRY_AFTER_SECONDS,
              }),
      }),
  };
}
