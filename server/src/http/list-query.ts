import { z } from 'zod';
import type { Db } from '../db/pool';

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

const isDateOnly = (v?: string) => v !== undefined && v.length === 10;

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

/**
 * `dateFrom`/`dateTo` as instants. A date-only bound means that whole day in the store's time
 * zone (`dateTo=2026-11-24` includes all of the 24th); a date-time is taken as given.
 */
export async function resolveDateRange(
  db: Db,
  q: { dateFrom?: string; dateTo?: string },
  timezone: () => Promise<string>,
): Promise<{ dateFrom?: string; dateTo?: string }> {
  if (!isDateOnly(q.dateFrom) && !isDateOnly(q.dateTo)) return q;
  const { rows } = await db.query<{ from: string | null; to: string | null }>(
    `SELECT CASE WHEN length($1) = 10 THEN ($1::date::timestamp AT TIME ZONE $3)::text ELSE $1 END AS from,
            CASE WHEN length($2) = 10
              THEN ((($2::date + 1)::timestamp AT TIME ZONE $3) - interval '1 microsecond')::text
              ELSE $2 END AS to`,
    [q.dateFrom ?? null, q.dateTo ?? null, await timezone()],
  );
  return { dateFrom: rows[0]!.from ?? undefined, dateTo: rows[0]!.to ?? undefined };
}

export const searchQuery = z.string().trim().min(1).max(200);
