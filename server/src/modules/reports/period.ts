import { startOfDay } from '../../core/date-range';
import { ValidationError } from '../../core/errors';
import { todayIn } from '../../core/calendar';

const DAY_MS = 86_400_000;
/** The longest period a report covers (two years and a day). */
export const MAX_PERIOD_DAYS = 731;

/** A span of the store's calendar days, both inclusive, and the instants that bound it. */
export interface Period {
  from: string;
  to: string;
  days: number;
  /** The first instant of `from` and of the day after `to`, in the store's time zone. */
  start: Date;
  end: Date;
}

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, n: number) =>
  new Date(utc(date) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY_MS);

/** The store's calendar day now (one definition, in core). */
export { todayIn };

export function periodOf(from: string, to: string, timezone: string): Period {
  return {
    from,
    to,
    days: daysBetween(from, to) + 1,
    start: new Date(startOfDay(from, timezone)),
    end: new Date(startOfDay(addDays(to, 1), timezone)),
  };
}

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * The current week (from Monday), month, quarter or year of the store's calendar, from its
 * first day up to today: the days that have happened of it.
 */
export function currentPeriod(kind: PeriodKind, today: string): { from: string; to: string } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const first = (month: number) => `${y}-${String(month).padStart(2, '0')}-01`;
  if (kind === 'week') {
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    return { from: addDays(today, -weekday), to: today };
  }
  if (kind === 'month') return { from: first(m), to: today };
  if (kind === 'quarter') return { from: first(m - ((m - 1) % 3)), to: today };
  return { from: first(1), to: today };
}

/**
 * The asked period: a named one (`period`, the current one), else the dates, else the last
 * `defaultDays` days up to `to` (default today).
 */
export function resolvePeriod(
  q: { from?: string; to?: string; period?: PeriodKind },
  timezone: string,
  defaultDays: number,
): Period {
  if (q.period) {
    const { from, to } = currentPeriod(q.period, todayIn(timezone));
    return periodOf(from, to, timezone);
  }
  const to = q.to ?? todayIn(timezone);
  const from = q.from ?? addDays(to, -(defaultDays - 1));
  // Both given are checked by the schema; a lone `from` is checked against today here.
  if (q.from && !q.to) {
    const span = daysBetween(from, to);
    if (span < 0)
      throw new ValidationError([
        { field: 'from', message: `must not be after today (${to})`, code: 'custom' },
      ]);
    if (span >= MAX_PERIOD_DAYS)
      throw new ValidationError([
        {
          field: 'from',
          message: `must be at most ${MAX_PERIOD_DAYS} days before today: give to as well for an older period`,
          code: 'custom',
        },
      ]);
  }
  return periodOf(from, to, timezone);
}

/** The period of equal length just before, and just after. */
export const previousOf = (p: Period, timezone: string) =>
  periodOf(addDays(p.from, -p.days), addDays(p.from, -1), timezone);
export const nextOf = (p: Period, timezone: string) =>
  periodOf(addDays(p.to, 1), addDays(p.to, p.days), timezone);

/** Every day of the period, in order. */
export const daysOf = (p: Pick<Period, 'from' | 'days'>) =>
  Array.from({ length: p.days }, (_, i) => addDays(p.from, i));

/** What a report says of its period (the instants stay inside). */
export const shownPeriod = (p: Period) => ({ from: p.from, to: p.to, days: p.days });
