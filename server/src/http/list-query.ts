import { z } from 'zod';
import { isDateOnly } from '../core/date-range';

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

export const dateQuery = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO date or date-time',
});

/** For a query with `dateFrom`/`dateTo`: a range given the wrong way round is a 400. */
export function withDateRangeOrder<T extends z.ZodType<{ dateFrom?: string; dateTo?: string }>>(
  schema: T,
): T {
  return schema.refine(
    (q) =>
      !q.dateFrom ||
      !q.dateTo ||
      isDateOnly(q.dateFrom) !== isDateOnly(q.dateTo) ||
      new Date(q.dateFrom) <= new Date(q.dateTo),
    { message: 'must not be after dateTo', path: ['dateFrom'] },
  );
}

export const searchQuery = z.string().trim().min(1).max(200);
