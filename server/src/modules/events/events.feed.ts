import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import type { EventName } from '../../core/events';
import { listEvents, prunePublished, toItem } from './events.repo';

const PRUNE_BATCH = 10_000;

/**
 * A store's change feed: every committed event, oldest first, read from the outbox. An
 * integrator follows `nextCursor` to pick up where it stopped. Unlike a list's, the cursor
 * does not end: at the newest event it stays the cursor of that event, so polling it again
 * returns what happened since (`hasNext` says whether more are waiting now).
 *
 * Events are ordered by their position in the store (their `id`), which follows commit order
 * with no gaps (events.repo.ts), so a cursor never passes an event that commits later. A
 * cursor holds the position of the event it ends at; cursors handed out before positions
 * existed hold that event's row id, which is its position (migration 027).
 */
export function createEventFeed({ pool, retentionDays }: { pool: Pool; retentionDays: number }) {
  return {
    /**
     * The hourly cleanup: deletes events published more than `retentionDays` ago (a client
     * resuming from one of them is told to resync), in batches. Answers how many went.
     */
    async purgePublished(now = new Date()): Promise<number> {
      const before = new Date(now.getTime() - retentionDays * 86_400_000);
      let total = 0;
      for (let n = PRUNE_BATCH; n === PRUNE_BATCH; total += n) {
        n = await prunePublished(pool, before, PRUNE_BATCH);
      }
      return total;
    },

    async list(
      ctx: StoreContext,
      q: { cursor?: string; limit: number; type?: EventName; apiKeyId?: string },
    ) {
      const after = q.cursor ? Number(decodeCursor(q.cursor, ['number'])[0]) : 0;
      const rows = await listEvents(pool, ctx.storeId, {
        after,
        limit: q.limit + 1,
        type: q.type,
        apiKeyId: q.apiKeyId,
      });
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map(toItem),
        pagination: {
          limit: q.limit,
          hasNext: rows.length > q.limit,
          nextCursor: last ? encodeCursor([last.position]) : (q.cursor ?? null),
        },
      };
    },
  };
}

export type EventFeed = ReturnType<typeof createEventFeed>;
