import { z } from 'zod';
import { EVENT_NAMES } from '../../core/events';
import type { Routes } from '../../http/route';
import { uuid } from '../../http/validate';
import type { EventFeed } from './events.feed';

const feedQuery = z.object({
  cursor: z.string().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  type: z.enum(EVENT_NAMES, { message: `must be one of ${EVENT_NAMES.join(', ')}` }).optional(),
  /** Only the events an API key caused: what it did. */
  apiKeyId: uuid.optional(),
});

/** Routes under /api/v1/stores/:storeId: the change feed. */
export function eventsRoutes(r: Routes, { events }: { events: EventFeed }) {
  r.page('/events', { permission: 'inventory:read', query: feedQuery }, ({ ctx, query }) =>
    events.list(ctx, query),
  );
}
