/**
 * `dateFrom`/`dateTo` as instants. A date-only bound means that whole day in the store's time
 * zone (`dateTo=2026-11-24` includes all of the 24th); a date-time is taken as given.
 */
export async function resolveDateRange(
  q: { dateFrom?: string; dateTo?: string },
  timezone: () => Promise<string>,
): Promise<{ dateFrom?: string; dateTo?: string }> {
  if (!isDateOnly(q.dateFrom) && !isDateOnly(q.dateTo)) return q;
  const tz = await timezone();
  return {
    dateFrom: isDateOnly(q.dateFrom)
      ? new Date(startOfDay(q.dateFrom!, tz)).toISOString()
      : q.dateFrom,
    // The last microsecond of the day: bounds compare with <=, and PostgreSQL keeps microseconds.
    dateTo: isDateOnly(q.dateTo)
      ? new Date(startOfDay(nextDay(q.dateTo!), tz) - 1).toISOString().replace('Z', '999Z')
      : q.dateTo,
  };
}

export const isDateOnly = (v?: string): boolean => v !== undefined && v.length === 10;

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The instant a calendar day starts in a time zone (as PostgreSQL's `date::timestamp AT TIME
 * ZONE tz` computes it; a test holds the two equal, DST days included).
 */
export function startOfDay(date: string, timezone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  const DAY = 86_400_000;
  // The zone's offsets a day before and a day after: at most one change lies between.
  const early = wall - offsetAt(timezone, wall - DAY);
  const late = wall - offsetAt(timezone, wall + DAY);
  const fits = (t: number) => t + offsetAt(timezone, t) === wall;
  // Midnight twice (clocks turned back): the later one. Midnight skipped (clocks jumped
  // forward at 00:00): read with the offset from before the jump. PostgreSQL does the same.
  return fits(late) ? late : early;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(timezone: string, instant: number): number {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timezone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}
