import { z } from 'zod';
import { typeMessage, uuid } from '../../http/validate';

export const taskParams = z.object({
  storeId: uuid,
  task: z.string().max(40, 'is not a scheduled task'),
});

/** A local time of day, `HH:MM` on a 24-hour clock. */
const localTime = z
  .string(typeMessage('must be a time of day as HH:MM'))
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (00:00 to 23:59)');

export const updateScheduleBody = z
  .object({
    at: localTime.optional(),
    enabled: z.boolean(typeMessage('must be true or false')).optional(),
  })
  .strict()
  .refine((b) => b.at !== undefined || b.enabled !== undefined, {
    message: 'must change the time (at) or whether it runs (enabled)',
  });
