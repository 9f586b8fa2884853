import { z } from 'zod';

/** `sort` limited to a whitelist (anything else is a 400, never SQL) and `order`. */
export function sortQuery<const T extends readonly [string, ...string[]]>(
  fields: T,
  fallback: T[number],
) {
  return {
    sort: z.enum(fields, { message: `must be one of ${fields.join(', ')}` }).default(fallback),
    order: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).default('asc'),
  };
}

export const booleanQuery = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((v) => v === 'true');

export const dateQuery = z.iso
  .datetime({ offset: true, message: 'must be an ISO date or date-time' })
  .or(z.iso.date({ message: 'must be an ISO date or date-time' }));

export const searchQuery = z.string().trim().min(1).max(200);
