import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { decodeCursor } from '../../core/cursor';
import {
  ConflictError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from '../../core/errors';
import { keysetPage } from '../../core/paging';
import { withTransaction, type Db } from '../../db/pool';
import type { Logger } from '../../logger';
import type { FieldCipher } from '../../platform/field-cipher';
import { OutboundRefusedError, type Outbound } from '../../platform/outbound';
import type { PublishedEvent } from '../events/events.publisher';
import type { JobsService } from '../jobs/jobs.service';
import * as deliveries from './deliveries.repo';
import * as endpoints from './endpoints.repo';
import { WEBHOOK_JOB } from './webhooks.delivery';
import type {
  CreateEndpointBody,
  ListDeliveriesQuery,
  UpdateEndpointBody,
} from './webhooks.schemas';
import { newSecret } from './signature';

export const TEST_EVENT = 'webhook.test';
/** Days a settled delivery stays in the log. */
export const DELIVERY_LOG_DAYS = 30;

export interface WebhooksDeps {
  pool: Pool;
  jobs: JobsService;
  outbound: Pick<Outbound, 'check'>;
  cipher: FieldCipher;
  config: { secretOverlapMs: number; allowHttp: boolean };
  /** An endpoint was enabled or disabled: the store's webhook alert follows. */
  onStateChanged(storeId: string): void;
  log: Logger;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toEndpoint = (e: endpoints.EndpointRow) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: e.events.length ? e.events : ['*'],
  enabled: e.enabled,
  disabledReason: e.disabled_reason,
  consecutiveFailures: e.consecutive_failures,
  previousSecretExpiresAt:
    e.previous_secret_expires_at && e.previous_secret_expires_at.getTime() > Date.now()
      ? e.previous_secret_expires_at.toISOString()
      : null,
  createdBy: e.created_by,
  createdAt: e.created_at.toISOString(),
  updatedAt: e.updated_at.toISOString(),
});

const toDelivery = (d: deliveries.DeliveryRow) => ({
  id: d.id,
  eventId: d.event_id,
  eventType: d.event_type,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: iso(d.next_attempt_at),
  responseStatus: d.response_status,
  durationMs: d.duration_ms,
  responseExcerpt: d.response_excerpt,
  error: d.error,
  redeliveryOf: d.redelivery_of,
  createdAt: d.created_at.toISOString(),
  deliveredAt: iso(d.delivered_at),
});

const wants = (e: endpoints.EndpointRow, type: string) =>
  e.events.length === 0 || e.events.includes(type);

/**
 * Outbound webhooks (issue 20): a store's admins register endpoints with an event filter;
 * every published event an endpoint wants becomes a delivery in its queue (in the
 * publisher's commit order), which `webhooks.delivery.ts` sends from a job. Secrets are kept
 * encrypted with the field cipher and answered once, on creation and on rotation.
 */
export function createWebhooksService(deps: WebhooksDeps) {
  const { pool, jobs, cipher, log } = deps;

  /** Refuses a URL the guard would refuse at delivery, and plain http unless allowed. */
  function assertUrl(url: string) {
    const problem = (message: string) =>
      new ValidationError([{ field: 'url', message, code: 'invalid_url' }], 'Invalid webhook URL');
    if (!deps.config.allowHttp && !url.startsWith('https:')) {
      throw problem('must be an https URL (WEBHOOK_ALLOW_HTTP allows http)');
    }
    try {
      deps.outbound.check(url);
    } catch (err) {
      if (err instanceof OutboundRefusedError) throw problem(`is refused: ${err.message}`);
      throw err;
    }
  }

  /** Adds deliveries and queues each endpoint's job unless one is queued already. */
  async function enqueue(db: Db, ds: deliveries.NewDelivery[]) {
    const rows = await deliveries.insertDeliveries(db, ds);
    const ids = [...new Set(rows.map((r) => r.endpoint_id))];
    for (const endpointId of await endpoints.markDrainQueued(db, ids)) {
      await jobs.enqueue(db, { type: WEBHOOK_JOB, payload: { endpointId } });
    }
    return rows;
  }

  async function queueOne(ds: deliveries.NewDelivery[]) {
    const [row] = await withTransaction(pool, (tx) => enqueue(tx, ds));
    jobs.nudge();
    return toDelivery(row!);
  }

  async function endpointOf(ctx: StoreContext, id: string) {
    const row = await endpoints.findEndpoint(pool, ctx.storeId, id);
    if (!row) throw new NotFoundError('Webhook');
    return row;
  }

  return {
    async list(ctx: StoreContext) {
      return (await endpoints.listEndpoints(pool, ctx.storeId)).map(toEndpoint);
    },

    get: async (ctx: StoreContext, id: string) => toEndpoint(await endpointOf(ctx, id)),

    /** A new endpoint; its `secret` is in this answer and never again. */
    async create(ctx: StoreContext, input: CreateEndpointBody) {
      assertUrl(input.url);
      const secret = newSecret();
      const row = await endpoints.insertEndpoint(pool, {
        storeId: ctx.storeId,
        url: input.url,
        description: input.description ?? '',
        events: input.events,
        secret: cipher.encrypt(secret),
        createdBy: ctx.userId,
      });
      if (!row) {
        throw new ConflictError(
          `A store keeps at most ${endpoints.MAX_ENDPOINTS_PER_STORE} webhooks: delete one first`,
        );
      }
      return { ...toEndpoint(row), secret };
    },

    async update(ctx: StoreContext, id: string, input: UpdateEndpointBody) {
      if (input.url !== undefined) assertUrl(input.url);
      const row = await endpoints.updateEndpoint(pool, ctx.storeId, id, input);
      if (!row) throw new NotFoundError('Webhook');
      if (input.enabled !== undefined) deps.onStateChanged(ctx.storeId);
      return toEndpoint(row);
    },

    async remove(ctx: StoreContext, id: string): Promise<void> {
      if (!(await endpoints.deleteEndpoint(pool, ctx.storeId, id))) {
        throw new NotFoundError('Webhook');
      }
      deps.onStateChanged(ctx.storeId);
    },

    /** A new secret, answered once; the old one also signs until the overlap ends. */
    async rotateSecret(ctx: StoreContext, id: string) {
      const secret = newSecret();
      const row = await endpoints.rotateSecret(
        pool,
        ctx.storeId,
        id,
        cipher.encrypt(secret),
        deps.config.secretOverlapMs,
      );
      if (!row) throw new NotFoundError('Webhook');
      return { ...toEndpoint(row), secret };
    },

    async deliveries(ctx: StoreContext, id: string, q: ListDeliveriesQuery) {
      await endpointOf(ctx, id);
      const after = q.cursor ? decodeCursor(q.cursor, ['number']) : undefined;
      const rows = await deliveries.listDeliveries(pool, ctx.storeId, id, {
        status: q.status,
        limit: q.limit + 1,
        afterSeq: after ? Number(after[0]) : undefined,
      });
      const { page, pagination } = keysetPage(rows, { page: 1, limit: q.limit }, undefined, (l) => [
        Number(l.seq),
      ]);
      return { items: page.map(toDelivery), pagination };
    },

    /** Sends a delivery's event again, as a new delivery at the end of the queue. */
    async redeliver(ctx: StoreContext, id: string, deliveryId: string) {
      const e = await endpointOf(ctx, id);
      const d = await deliveries.findDelivery(pool, ctx.storeId, id, deliveryId);
      if (!d) throw new NotFoundError('Delivery');
      assertEnabled(e);
      return queueOne([
        {
          storeId: ctx.storeId,
          endpointId: id,
          outboxId: null,
          eventId: d.event_id,
          eventType: d.event_type,
          payload: d.payload,
          redeliveryOf: d.id,
        },
      ]);
    },

    /** A `webhook.test` event to this endpoint alone. */
    async sendTest(ctx: StoreContext, id: string) {
      const e = await endpointOf(ctx, id);
      assertEnabled(e);
      const eventId = `test_${randomUUID()}`;
      return queueOne([
        {
          storeId: ctx.storeId,
          endpointId: id,
          outboxId: null,
          eventId,
          eventType: TEST_EVENT,
          payload: {
            id: eventId,
            type: TEST_EVENT,
            storeId: ctx.storeId,
            timestamp: new Date().toISOString(),
            payload: { webhookId: id, message: 'A test event from Nimbus' },
          },
        },
      ]);
    },

    /**
     * After published events (the outbox publisher's leader calls this): each event becomes a
     * delivery to every enabled endpoint of its store that wants its type, in event order.
     */
    async afterEvents(events: readonly PublishedEvent[]): Promise<void> {
      if (events.length === 0) return;
      const stores = [...new Set(events.map((e) => e.storeId))];
      const targets = await endpoints.enabledOf(pool, stores);
      if (targets.length === 0) return;
      const ds = events.flatMap((ev) =>
        targets
          .filter((t) => t.store_id === ev.storeId && wants(t, ev.type))
          .map((t) => ({
            storeId: ev.storeId,
            endpointId: t.id,
            outboxId: ev.id,
            eventId: ev.item.id,
            eventType: ev.type,
            payload: ev.item,
          })),
      );
      if (ds.length === 0) return;
      await withTransaction(pool, (tx) => enqueue(tx, ds));
      jobs.nudge();
      log.debug('webhook deliveries queued', { deliveries: ds.length });
    },

    /**
     * The hourly cleanup: settled deliveries older than the log keeps go, and an endpoint whose
     * due queue has not moved for 10 minutes gets its delivery job again (a job that waits its
     * turn behind another finds nothing due, and ends).
     */
    async purgeDeliveries() {
      const stalled = await endpoints.stalled(pool, 10);
      if (stalled.length) {
        await withTransaction(pool, async (tx) => {
          await endpoints.markDrainQueued(tx, stalled);
          for (const endpointId of stalled) {
            await jobs.enqueue(tx, { type: WEBHOOK_JOB, payload: { endpointId } });
          }
        });
        jobs.nudge();
        log.warn('webhook queues resumed', { endpoints: stalled.length });
      }
      return deliveries.purgeSettled(pool, DELIVERY_LOG_DAYS);
    },
  };
}

function assertEnabled(e: endpoints.EndpointRow) {
  if (!e.enabled) {
    throw new InvalidStateError('This webhook is disabled: enable it first');
  }
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
