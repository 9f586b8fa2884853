import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import type { EventName } from '../../core/events';
import { listEvents } from './events.repo';

/**
 * A store's change feed: every committed event, oldest first, read from the outbox. An
 * integrator follows `nextCursor` to pick up where it stopped. Unlike a list's, the cursor
 * does not end: at the newest event it stays the cursor of that event, so polling it again
 * returns what happened since (`hasNext` says whether more are waiting now).
 */
export function createEventFeed({ pool }: { pool: Pool }) {
  return {
    async list(ctx: StoreContext, q: { cursor?: string; limit: number; type?: EventName }) {
      const after = q.cursor ? Number(decodeCursor(q.cursor, ['number'])[0]) : 0;
      const rows = await listEvents(pool, ctx.storeId, { after, limit: q.limit + 1, type: q.type });
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          id: String(r.id),
          type: r.type,
          storeId: ctx.storeId,
          payload: r.payload,
          timestamp: r.created_at.toISOString(),
        })),
        pagination: {
          limit: q.limit,
          hasNext: rows.length > q.limit,
          nextCursor: last ? encodeCursor([last.id]) : (q.cursor ?? null),
        },
      };
    },
  };
}

export type EventFeed = ReturnType<typeof createEventFeed>;
