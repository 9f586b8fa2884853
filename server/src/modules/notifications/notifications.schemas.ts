import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../../core/alerts';
import { strictObject, typeMessage, uuid } from '../../http/validate';
import { EMAIL_DELIVERIES } from './preferences';

const kind = z.enum(NOTIFICATION_KINDS, {
  message: `must be one of ${NOTIFICATION_KINDS.join(', ')}`,
});

export const listNotificationsQuery = z.object({
  unread: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  storeId: uuid.optional(),
  kind: kind.optional(),
  limit: z.coerce
    .number(typeMessage('must be a whole number'))
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
  cursor: z.string().min(1).max(500).optional(),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const notificationParams = z.object({ id: uuid });

export const readAllBody = z.object({ storeId: uuid.optional() });

const choice = z.boolean({ message: 'must be true, false or null (the role default)' }).nullable();
const kindChoice = strictObject({
  inApp: choice.optional(),
  email: choice.optional(),
  push: choice.optional(),
});

/** Every kind the body sets; a kind or channel left out (or null) follows the role default. */
export const preferencesBody = z.object({
  kinds: strictObject(
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, kindChoice.optional()])) as Record<
      (typeof NOTIFICATION_KINDS)[number],
      z.ZodOptional<typeof kindChoice>
    >,
  ).default({}),
  emailDelivery: z
    .enum(EMAIL_DELIVERIES, { message: 'must be immediate, digest or null (the role default)' })
    .nullable()
    .default(null),
  weeklySummary: z
    .boolean({ message: 'must be true, false or null (the role default)' })
    .nullable()
    .default(null),
});
export type PreferencesBody = z.infer<typeof preferencesBody>;
