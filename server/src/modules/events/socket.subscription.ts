import type { StoreEventItem } from './events.repo';
import { LIMITS } from './socket.protocol';

/** What a subscription reads of the outbox (events.repo.ts, on the app's pool). */
export interface Backlog {
  /** The newest position given out in the store (0: none yet), and the newest deleted. */
  positions(storeId: string): Promise<{ last: number; pruned: number }>;
  /** The store's events after `after`, up to `upTo`, in order, at most `limit`. */
  after(storeId: string, after: number, upTo: number, limit: number): Promise<StoreEventItem[]>;
}

export interface Subscription {
  /** Sends `subscribed`, then the events after `lastEventId` (or `resync`), then live ones. */
  start(lastEventId: number | undefined): Promise<void>;
  /** An event from the bus (this store's, possibly one already sent: dropped). */
  live(event: StoreEventItem): void;
  end(): void;
  leave?: () => void;
}

/**
 * One store followed on one socket. Everything it sends goes through one chain, so the
 * backlog precedes live events and each event is sent once, in position order: an event at
 * or below the last position sent is a duplicate (the publisher is at-least-once), and one
 * beyond the next position means some were missed (a bus message lost): those are read from
 * the outbox first. Positions have no gaps within a store (events.repo.ts), so this is exact.
 */
export function createSubscription(
  storeId: string,
  io: { backlog: Backlog; send(message: object): boolean; onError(err: unknown): void },
): Subscription {
  let lastSent = 0;
  let ended = false;
  let release!: () => void;
  let chain = new Promise<void>((resolve) => (release = resolve));
  const enqueue = (step: () => Promise<void>) => {
    chain = chain.then(() => (ended ? undefined : step())).catch((err) => io.onError(err));
  };

  /** Sends the events after lastSent up to `upTo`, page by page; false if the socket closed. */
  async function fill(upTo: number): Promise<boolean> {
    while (lastSent < upTo && !ended) {
      const page = await io.backlog.after(storeId, lastSent, upTo, LIMITS.BACKLOG_PAGE);
      for (const event of page) {
        if (!io.send(event)) return false;
        lastSent = Number(event.id);
      }
      if (page.length < LIMITS.BACKLOG_PAGE) lastSent = upTo;
    }
    return true;
  }

  const sub: Subscription = {
    async start(lastEventId) {
      try {
        const { last, pruned } = await io.backlog.positions(storeId);
        io.send({ type: 'subscribed', storeId, lastEventId: last ? String(last) : null });
        lastSent = last;
        if (lastEventId !== undefined) {
          if (lastEventId < pruned || lastEventId > last) io.send({ type: 'resync', storeId });
          else {
            lastSent = lastEventId;
            await fill(last);
          }
        }
      } finally {
        release();
      }
    },
    live(event) {
      enqueue(async () => {
        const position = Number(event.id);
        if (position <= lastSent) return;
        if (position > lastSent + 1 && !(await fill(position - 1))) return;
        if (ended || !io.send(event)) return;
        lastSent = position;
      });
    },
    end() {
      ended = true;
      sub.leave?.();
    },
  };
  return sub;
}
