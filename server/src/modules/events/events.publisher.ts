import type { Client } from 'pg';
import { one } from '../../db/rows';
import type { Logger } from '../../logger';
import type { EventBus } from '../../platform/event-bus';
import {
  markPublished,
  OUTBOX_CHANNEL,
  toItem,
  unpublished,
  type StoreEventItem,
} from './events.repo';

/** The bus channel a store's events fan out on, to every API process. */
export const storeChannel = (storeId: string) => `store-events:${storeId}`;

/** Session advisory lock key: the one outbox publisher of a database (any process). */
const PUBLISHER_LOCK = 0x6e696d627573; // "nimbus"
const BATCH = 500;
/** How long `stop` lets a drain in progress finish before closing its connection. */
const STOP_GRACE_MS = 5_000;

/** An event as the publisher hands it to `onPublished`. */
export interface PublishedEvent {
  /** The outbox row's id (unique across stores). */
  id: number;
  storeId: string;
  type: string;
  payload: unknown;
  /** The event as the feed and the WebSocket show it (its id is its position in the store). */
  item: StoreEventItem;
}

export interface PublisherDeps {
  /** A connection of its own: it holds the lock and listens for as long as it leads. */
  connect(): Client;
  bus: EventBus;
  log: Logger;
  /** The fallback poll, should a notification be missed; also how often a standby tries. */
  pollMs: number;
  /**
   * Told what the leader has just published (once across processes, at least once): work
   * that follows a change without being part of it, such as the stock check after a sale or
   * the notifications of an alert. Awaited before the events are marked published, so a
   * crash in between tells it again (it must be idempotent); a failure is logged and the
   * events are marked all the same (one consumer's fault does not stop the stream).
   */
  onPublished?(events: readonly PublishedEvent[]): void | Promise<void>;
}

/**
 * Publishes committed outbox events to the event bus. Every process runs one; the holder of
 * a session advisory lock leads, the others wait to take over. The leader wakes on the
 * writers' NOTIFY (sent on commit) or every `pollMs`, publishes what is unpublished (in id
 * order, which within a store is commit order), then marks it published: a crash in between
 * publishes it again (at least once; subscribers drop positions they have sent). Published
 * events are deleted after the retention by the hourly cleanup (`events.feed.ts`).
 */
export function createOutboxPublisher(deps: PublisherDeps) {
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: () => void = () => undefined;
  let client: Client | undefined;
  let leading = false;
  /** A notification came since the last drain began. */
  let notified = false;

  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = () => undefined;
        resolve();
      }
      wake = done;
    });

  async function drain(c: Client): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await unpublished(c, BATCH);
      if (rows.length === 0) return total;
      // What the events make (notifications) first, so a screen that refetches on the event
      // finds it: the bell counts the notification an `alert.opened` made.
      try {
        await deps.onPublished?.(
          rows.map((r) => ({
            id: r.id,
            storeId: r.store_id,
            type: r.type,
            payload: r.payload,
            item: toItem(r),
          })),
        );
      } catch (err) {
        deps.log.warn('reacting to published events failed', { error: String(err) });
      }
      // Issued in order on one connection (Redis pipelines them), awaited together.
      await Promise.all(rows.map((r) => deps.bus.publish(storeChannel(r.store_id), toItem(r))));
      await markPublished(
        c,
        rows.map((r) => r.id),
      );
      total += rows.length;
    }
  }

  async function lead(c: Client) {
    await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
    c.on('notification', () => {
      notified = true;
      wake();
    });
    leading = true;
    deps.log.info('outbox publisher leading');
    while (running) {
      notified = false;
      await drain(c);
      if (!notified) await nap(deps.pollMs);
    }
  }

  async function run() {
    while (running) {
      const c = deps.connect();
      client = c;
      let lost = false;
      c.on('error', (err) => {
        lost = true;
        deps.log.warn('outbox publisher connection lost', { error: err.message });
        wake();
      });
      try {
        await c.connect();
        const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
          PUBLISHER_LOCK,
        ]);
        if (one(rows).ok) await lead(c);
      } catch (err) {
        if (running && !lost) deps.log.warn('outbox publisher failed', { error: String(err) });
      } finally {
        leading = false;
        client = undefined;
        // Ending the session releases the lock (a crashed process's ends with its connection).
        await c.end().catch(() => undefined);
      }
      if (running) await nap(deps.pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /**
     * Stops after the batch in hand is published and marked (a handover then publishes
     * nothing twice); a drain stuck on a dead connection is cut off after `STOP_GRACE_MS`.
     */
    async stop() {
      running = false;
      wake();
      const done = loop;
      loop = undefined;
      const within = async (ms: number) => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          done,
          new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
        ]);
        clearTimeout(timer);
      };
      await within(STOP_GRACE_MS);
      await client?.end().catch(() => undefined);
      // A reaction that never settles does not hold a shutdown: the lock went with the session.
      await within(STOP_GRACE_MS);
    },
    /** Whether this process holds the lock now. */
    get leading() {
      return leading;
    },
    /** Publishes now instead of at the next notification or poll (tests). */
    poke: () => {
      notified = true;
      wake();
    },
  };
}

export type OutboxPublisher = ReturnType<typeof createOutboxPublisher>;
