import { z } from 'zod';
import { typeMessage } from '../../http/validate';
import { ALERT_KINDS } from './alerts.repo';

export const listAlertsQuery = z.object({
  status: z
    .enum(['open', 'resolved', 'all'], { message: 'must be open, resolved or all' })
    .default('open'),
  kind: z.enum(ALERT_KINDS, { message: `must be one of ${ALERT_KINDS.join(', ')}` }).optional(),
  limit: z.coerce
    .number(typeMessage('must be a whole number'))
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
  cursor: z.string().min(1).max(500).optional(),
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;
