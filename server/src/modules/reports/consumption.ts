import type { Pool } from 'pg';
import { breather } from '../../core/cooperate';
import { forecastTotals, type Total } from '../forecasting/forecast-pool';
import * as repo from './consumption.repo';
import { num, round, ROW_LIMIT } from './groups';
import { daysOf, nextOf, previousOf, resolvePeriod, shownPeriod, todayIn } from './period';
import type { ConsumptionParams } from './reports.schemas';
import { stockDaysOf, type ZeroStockDays } from './stock-days';

const DEFAULT_DAYS = 30;
/** Between forecasts, how many rows go by before progress is reported. */
const PROGRESS_EVERY = 200;

interface Group {
  groupId: string | null;
  name: string;
  sku: string | null;
  units: number;
  cost: number;
  revenue: number;
  previousUnits: number;
  /** Units per day of the period, by the day's position in it. */
  daily: Float64Array;
}

/**
 * The next period's units by the forecasting module's model, from this period's closed days:
 * each series ends before today (a day still selling is not history), and the points between
 * the history's end and the period's end are forecast but not counted. The maths runs in the
 * forecast worker (a two-year series takes 50–90 ms), a batch of groups at a time.
 */
async function forecastsOf(
  groups: Group[],
  days: string[],
  today: string,
  progress?: (share: number) => Promise<void>,
) {
  // Days are in order: the closed ones come first.
  const closed = days.filter((d) => d < today).length;
  const skipped = days.length - closed;
  let reported = 0;
  const totals = await forecastTotals(
    groups.map((g) => g.daily.subarray(0, closed)),
    { horizon: days.length + skipped, seasonLength: 7, skip: skipped },
    async (done) => {
      if (!progress || done - reported < PROGRESS_EVERY) return;
      reported = done;
      await progress(done / groups.length);
    },
  );
  return totals.map((t: Total) =>
    t.status === 'ok'
      ? { forecastUnits: round(t.units), forecastStatus: 'ok' as const, forecastMethod: t.method }
      : { forecastUnits: null, forecastStatus: t.status, forecastMethod: null },
  );
}

/** Rows between turns given to the event loop (two years of 500 products: ~365k rows). */
const ROWS_PER_TURN = 2048;

async function groupsOf(
  lines: repo.ConsumptionLine[],
  days: string[],
  breathe: () => Promise<void>,
) {
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const groups = new Map<string, Group>();
  for (const [i, l] of lines.entries()) {
    if (i % ROWS_PER_TURN === 0) await breathe();
    const key = l.group_id ?? '';
    let g = groups.get(key);
    if (!g) {
      g = {
        groupId: l.group_id,
        name: l.name,
        sku: l.sku,
        units: 0,
        cost: 0,
        revenue: 0,
        previousUnits: 0,
        daily: new Float64Array(days.length),
      };
      groups.set(key, g);
    }
    if (l.day === null) {
      g.previousUnits += num(l.units);
      continue;
    }
    g.units += num(l.units);
    g.cost += num(l.cost);
    g.revenue += num(l.revenue);
    const at = dayIndex.get(l.day);
    if (at !== undefined) g.daily[at]! += num(l.units);
  }
  return [...groups.values()];
}

/** Days in stock, and the units per day in stock (null when it never had stock). */
const velocityOf = (units: number, stockDays: number) => ({
  stockDays,
  averageVelocity: stockDays ? round(units / stockDays, 4) : null,
});

const trendOf = (units: number, previous: number) =>
  previous ? round((units - previous) / previous, 4) : null;

/**
 * Units consumed by group with their cost, revenue, trend and forecast. `all` (a job) keeps
 * every row and forecasts each; otherwise the 500 groups with the most units.
 */
export async function consumptionReport(
  { pool, zeroStockDays }: { pool: Pool; zeroStockDays: ZeroStockDays },
  storeId: string,
  timezone: string,
  params: ConsumptionParams,
  opts: { all?: boolean; progress?: (share: number) => Promise<void> } = {},
) {
  const period = resolvePeriod(params, timezone, DEFAULT_DAYS);
  const previous = previousOf(period, timezone);
  const lines = await repo.consumptionLines(
    pool,
    storeId,
    params.groupBy,
    previous.start,
    period.start,
    period.end,
    timezone,
    params.category ?? null,
  );
  // Hundreds of thousands of rows and a forecast per group: done in slices, so the event
  // loop (liveness, other stores' requests) never waits for the whole report.
  const breathe = breather();
  const days = daysOf(period);
  const today = todayIn(timezone);
  const groups = (await groupsOf(lines, days, breathe))
    .filter((g) => g.units !== 0 || g.previousUnits !== 0)
    .sort((a, b) => b.units - a.units || a.name.localeCompare(b.name));
  const shown = opts.all ? groups : groups.slice(0, ROW_LIMIT);

  const forecasts = await forecastsOf(shown, days, today, opts.progress);
  const stockDays = await stockDaysOf(
    pool,
    zeroStockDays,
    storeId,
    timezone,
    params.groupBy,
    shown.map((g) => g.groupId),
    period,
    today,
  );
  const rows = shown.map((g, i) => ({
    groupId: g.groupId,
    name: g.name,
    sku: g.sku,
    units: g.units,
    cost: round(g.cost),
    revenue: round(g.revenue),
    previousUnits: g.previousUnits,
    trend: trendOf(g.units, g.previousUnits),
    ...forecasts[i]!,
    ...velocityOf(g.units, stockDays.get(g.groupId) ?? 0),
  }));

  const sum = (pick: (g: Group) => number) => groups.reduce((n, g) => n + pick(g), 0);
  const units = sum((g) => g.units);
  const previousUnits = sum((g) => g.previousUnits);
  const byDay = new Float64Array(days.length);
  for (const g of groups) g.daily.forEach((u, i) => (byDay[i]! += u));
  return {
    period: shownPeriod(period),
    previousPeriod: shownPeriod(previous),
    forecastPeriod: shownPeriod(nextOf(period, timezone)),
    groupBy: params.groupBy,
    category: params.category ?? null,
    totals: {
      units,
      cost: round(sum((g) => g.cost)),
      revenue: round(sum((g) => g.revenue)),
      previousUnits,
      trend: trendOf(units, previousUnits),
    },
    rows,
    truncated: shown.length < groups.length,
    series: days.map((date, i) => ({ date, units: byDay[i]! })),
  };
}

export type ConsumptionReport = Awaited<ReturnType<typeof consumptionReport>>;
