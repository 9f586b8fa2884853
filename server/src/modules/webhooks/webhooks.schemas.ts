import { z } from 'zod';
import { EVENT_NAMES } from '../../core/events';
import { typeMessage, uuid } from '../../http/validate';
import { DELIVERY_STATUSES } from './deliveries.repo';

const MAX_FILTER = 50;

const url = z
  .string(typeMessage('must be a URL'))
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }));

const description = z.string().trim().max(200, 'must be at most 200 characters');

/** Event types to deliver: names of the publisher's events, or `*` (also `[]`) for all. */
const events = z
  .array(
    z.enum(['*', ...EVENT_NAMES], { message: `must be * or one of ${EVENT_NAMES.join(', ')}` }),
  )
  .max(MAX_FILTER, `must list at most ${MAX_FILTER} event types`)
  .transform((list) => (list.includes('*') ? [] : [...new Set(list)].sort()));

export const webhookParams = z.object({ storeId: uuid, webhookId: uuid });
export const deliveryParams = z.object({ storeId: uuid, webhookId: uuid, deliveryId: uuid });

export const createEndpointBody = z.object({
  url,
  description: description.optional(),
  events: events.default([]),
});
export type CreateEndpointBody = z.infer<typeof createEndpointBody>;

export const updateEndpointBody = z.object({
  url: url.optional(),
  description: description.optional(),
  events: events.optional(),
  enabled: z.boolean(typeMessage('must be true or false')).optional(),
});
export type UpdateEndpointBody = z.infer<typeof updateEndpointBody>;

export const listDeliveriesQuery = z.object({
  status: z
    .enum(DELIVERY_STATUSES, { message: `must be one of ${DELIVERY_STATUSES.join(', ')}` })
    .optional(),
  limit: z.coerce
    .number(typeMessage('must be a whole number'))
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
  cursor: z.string().min(1).max(500).optional(),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;
