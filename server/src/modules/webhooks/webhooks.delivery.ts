import type { Pool } from 'pg';
import { withTransaction } from '../../db/pool';
import { one } from '../../db/rows';
import type { Logger } from '../../logger';
import type { FieldCipher } from '../../platform/field-cipher';
import { OutboundRefusedError, type Outbound } from '../../platform/outbound';
import { jobLockKey, type JobsService } from '../jobs/jobs.service';
import { retryAfterMs, retryDelayMs } from './backoff';
import * as deliveries from './deliveries.repo';
import * as endpoints from './endpoints.repo';
import { signatureHeader } from './signature';

export const WEBHOOK_JOB = 'webhooks.deliver';
/** The answer's body kept in the log. */
const EXCERPT_MAX = 1024;
/** Endpoints one process delivers to at once (each job mostly waits on a receiver). */
const CONCURRENCY = 4;
const LOCK_POLL_MS = 200;

export interface DeliveryConfig {
  maxFailures: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export interface WebhookDeliveryDeps {
  pool: Pool;
  jobs: JobsService;
  outbound: Pick<Outbound, 'request'>;
  cipher: FieldCipher;
  config: DeliveryConfig;
  /** An endpoint was disabled after its run of failures: the store's alert check runs. */
  onDisabled(storeId: string): void;
  log: Logger;
}

/** The secrets that sign now: the current one, and a rotated-out one until its overlap ends. */
export function signingSecrets(e: endpoints.EndpointRow, cipher: FieldCipher, now = Date.now()) {
  const secrets = [cipher.decrypt(e.secret)];
  const expires = e.previous_secret_expires_at?.getTime() ?? 0;
  if (e.previous_secret && expires > now) secrets.push(cipher.decrypt(e.previous_secret));
  return secrets;
}

/**
 * Delivers each endpoint's queued deliveries strictly in order, from one job per endpoint at a
 * time (an advisory lock per endpoint, across replicas). A delivery that fails with a network
 * error, a 429 or a 5xx is retried after a jittered backoff (or the receiver's Retry-After)
 * by a job queued for then, and the deliveries behind it wait for it; any other answer
 * (a 4xx, a 3xx: redirects are not followed, an address the guard refuses) fails that
 * delivery and the next one goes. Every failed attempt lengthens the endpoint's run of
 * failures (a success ends it); at `maxFailures` the endpoint is disabled, its queued
 * deliveries failed, and the store's admins alerted.
 */
export function createWebhookDelivery(deps: WebhookDeliveryDeps) {
  const { pool, jobs, outbound, cipher, config, log } = deps;

  async function attempt(
    e: endpoints.EndpointRow,
    d: deliveries.DeliveryRow,
  ): Promise<deliveries.Attempt> {
    const body = JSON.stringify(d.payload);
    const started = performance.now();
    const duration = () => Math.round(performance.now() - started);
    try {
      const t = Math.floor(Date.now() / 1000);
      const res = await outbound.request(e.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Nimbus-Webhooks/1',
          'nimbus-event-id': d.event_id,
          'nimbus-event-type': d.event_type,
          'nimbus-delivery-id': d.id,
          'nimbus-signature': signatureHeader(signingSecrets(e, cipher), body, t),
        },
        body: Buffer.from(body),
      });
      const outcome = {
        responseStatus: res.status,
        durationMs: duration(),
        excerpt: res.body.slice(0, EXCERPT_MAX),
      };
      if (res.status >= 200 && res.status < 300) {
        return { ...outcome, status: 'succeeded', error: null };
      }
      const error = `The receiver answered ${res.status}`;
      if (res.status === 429 || res.status >= 500) {
        const retryAfter = retryAfterMs(res.headers['retry-after']);
        const retryInMs = retryDelayMs(d.attempts + 1, retryAfter, config);
        return { ...outcome, status: 'retrying', error, retryInMs };
      }
      return { ...outcome, status: 'failed', error };
    } catch (err) {
      const base = { responseStatus: null, durationMs: duration(), excerpt: null };
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      if (err instanceof OutboundRefusedError) return { ...base, status: 'failed', error };
      const retryInMs = retryDelayMs(d.attempts + 1, undefined, config);
      return { ...base, status: 'retrying', error, retryInMs };
    }
  }

  /** Delivers the endpoint's queue until it is empty, waits on a retry, or is disabled. */
  async function drain(endpointId: string) {
    await endpoints.takeDrain(pool, endpointId);
    const counts = { succeeded: 0, failed: 0, retrying: 0 };
    for (;;) {
      const e = await endpoints.endpointById(pool, endpointId);
      if (!e?.enabled) return counts;
      const d = await deliveries.head(pool, endpointId);
      // Not yet due: the job queued with the retry comes for it.
      if (!d?.due) return counts;
      const result = await attempt(e, d);
      counts[result.status as keyof typeof counts]++;
      const at = { endpointId, deliveryId: d.id, status: result.responseStatus };
      if (result.status === 'succeeded') {
        await withTransaction(pool, async (tx) => {
          await deliveries.recordAttempt(tx, d.id, result);
          await endpoints.succeeded(tx, endpointId);
        });
        continue;
      }
      const disabled = await withTransaction(pool, async (tx) => {
        const failures = await endpoints.failed(tx, endpointId);
        if (failures >= config.maxFailures) {
          await deliveries.recordAttempt(tx, d.id, { ...result, status: 'failed' });
          const reason = `Disabled after ${failures} failed attempts in a row: ${result.error}`;
          await endpoints.disable(tx, endpointId, reason.slice(0, 500));
          await deliveries.failQueued(tx, endpointId, 'the endpoint was disabled');
          return true;
        }
        const next = await deliveries.recordAttempt(tx, d.id, result);
        if (result.status === 'retrying' && next) {
          await jobs.enqueue(tx, { type: WEBHOOK_JOB, payload: { endpointId }, startAfter: next });
          await endpoints.retryQueued(tx, endpointId);
        }
        return false;
      });
      log.warn('webhook delivery failed', { ...at, error: result.error, disabled });
      if (disabled) {
        deps.onDisabled(e.store_id);
        return counts;
      }
      if (result.status === 'retrying') return counts;
    }
  }

  jobs.register(
    WEBHOOK_JOB,
    async ({ job }) => {
      const { endpointId } = job.payload as { endpointId: string };
      // One drain per endpoint at a time, across replicas: the order holds.
      const client = await pool.connect();
      const key = jobLockKey('run', WEBHOOK_JOB, endpointId);
      let broken: Error | undefined;
      try {
        for (;;) {
          const { rows } = await client.query<{ ok: boolean }>(
            'SELECT pg_try_advisory_lock($1::bigint) AS ok',
            [key],
          );
          if (one(rows).ok) break;
          await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
        }
        try {
          return await drain(endpointId);
        } finally {
          await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch((err: Error) => {
            broken = err;
          });
        }
      } finally {
        client.release(broken);
      }
    },
    { concurrency: CONCURRENCY },
  );
}
