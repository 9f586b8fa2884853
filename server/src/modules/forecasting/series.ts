/**
 * Daily demand series and their weekly / monthly sums: pure date arithmetic over store days
 * (`YYYY-MM-DD`, computed in UTC so no local time zone or DST shift can move a day).
 */
import type { SeriesProduct } from '../products/products.reads';
import type { SalesDay } from '../sales/sales.reads';
import { todayIn } from '../../core/calendar';

export type Period = 'day' | 'week' | 'month' | 'quarter';

const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The weekday of a store day, 0 = Sunday … 6 = Saturday (what `firstWeekday` takes). */
export const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The store's calendar day now (one definition, in core). */
export { todayIn };

/** Days of history a daily forecast (and the nightly recalculation) looks at. */
export const HISTORY_DAYS = 365;

/**
 * Days of history a forecast by `period` looks at: a year of days; for weeks, months and
 * quarters, enough for three whole years of them before the current one (what a yearly season
 * needs, `seasonLengthFor`), when the product has them.
 */
export function historyDaysFor(period: Period): number {
  if (period === 'day') return HISTORY_DAYS;
  return period === 'quarter' ? 3 * 366 + 92 : 3 * 366 + 31;
}

/** A series of daily units, `values[i]` being day `start + i`; the last is yesterday. */
export interface DailySeries {
  start: string;
  values: number[];
  /** `missing[i]`: day i had no stock the whole day (its demand is unknown, not 0); absent when the ledger is not known. */
  missing?: boolean[];
}

/**
 * Zero-filled daily series per product over [from, today), each starting at the product's
 * first day: the earlier of its first sale and its creation, never before `from` (days
 * before a product existed are not days it sold nothing). Days it had no stock at all
 * (`zeroStockDays`, by the ledger, including those before its first stock) are marked missing.
 */
export function dailySeries(
  products: readonly Pick<SeriesProduct, 'id' | 'created_day'>[],
  rows: readonly SalesDay[],
  from: string,
  today: string,
  zeroStockDays: ReadonlyMap<string, readonly string[]> = new Map(),
): Map<string, DailySeries> {
  const length = daysBetween(from, today);
  // day → index, worked out once: the rows and stock-out days of a batch are many thousands
  const indexOf = new Map<string, number>();
  for (let i = 0, day = from; i < length; i++, day = addDays(day, 1)) indexOf.set(day, i);
  const at = (day: string) => indexOf.get(day) ?? daysBetween(from, day);
  const full = new Map<string, number[]>(products.map((p) => [p.id, new Array(length).fill(0)]));
  const first = new Map<string, number>();
  for (const r of rows) {
    const values = full.get(r.product_id);
    const i = at(r.day);
    if (!values || i < 0 || i >= length) continue;
    values[i] = Number(r.units);
    if (r.units > 0 && i < (first.get(r.product_id) ?? length)) first.set(r.product_id, i);
  }
  const out = new Map<string, DailySeries>();
  for (const p of products) {
    const created = Math.max(0, Math.min(length, daysBetween(from, p.created_day)));
    const begin = Math.min(created, first.get(p.id) ?? length);
    const values = full.get(p.id)!.slice(begin);
    const zero = zeroStockDays.get(p.id);
    let missing: boolean[] | undefined;
    if (zero) {
      missing = new Array<boolean>(values.length).fill(false);
      // a day that sold something had stock, whatever the ledger says
      for (const day of zero) {
        const i = at(day) - begin;
        if (i >= 0 && i < values.length && !(values[i]! > 0)) missing[i] = true;
      }
    }
    out.set(p.id, { start: addDays(from, begin), values, ...(missing ? { missing } : {}) });
  }
  return out;
}

/** The sum of several daily series (a category), from the earliest start. */
export function sumSeries(all: readonly DailySeries[], today: string): DailySeries {
  if (!all.length) return { start: today, values: [] };
  const start = all.map((s) => s.start).sort()[0]!;
  const values = new Array(daysBetween(start, today)).fill(0) as number[];
  for (const s of all) {
    const offset = daysBetween(start, s.start);
    s.values.forEach((v, i) => (values[offset + i]! += v));
  }
  return { start, values };
}

/** The first day of the ISO week (Monday), month or quarter holding `day`. */
export function periodStart(day: string, period: Period): string {
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 8)}01`;
  if (period === 'quarter') {
    const month = Number(day.slice(5, 7));
    return `${day.slice(0, 5)}${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  }
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

/** The first day of the period after the one starting at `start`. */
export function nextPeriod(start: string, period: Period, n = 1): string {
  if (period === 'day') return addDays(start, n);
  if (period === 'week') return addDays(start, 7 * n);
  const [y, m] = start.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + (period === 'quarter' ? 3 * n : n), 1));
  return d.toISOString().slice(0, 10);
}

export interface PeriodPoint {
  date: string;
  actual: number;
}

/**
 * Daily values summed into weeks, months or quarters. Only whole periods are kept: the current one
 * (up to today) is not over, and a first one the series starts in the middle of would read
 * as a dip.
 */
export function aggregate(series: DailySeries, period: Period, today: string): PeriodPoint[] {
  const days = series.values.map((actual, i) => ({ date: addDays(series.start, i), actual }));
  if (period === 'day') return days;
  const sums = new Map<string, number>();
  for (const d of days) {
    const key = periodStart(d.date, period);
    sums.set(key, (sums.get(key) ?? 0) + d.actual);
  }
  const current = periodStart(today, period);
  return [...sums.entries()]
    .filter(([date]) => date !== current && date >= series.start)
    .map(([date, actual]) => ({ date, actual }));
}
