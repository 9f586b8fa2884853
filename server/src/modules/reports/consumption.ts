import type { Pool } from 'pg';
import { forecastSeries } from '../forecasting/forecast';
import * as repo from './consumption.repo';
import { num, round, ROW_LIMIT } from './groups';
import { daysOf, nextOf, previousOf, resolvePeriod, shownPeriod, todayIn } from './period';
import type { ConsumptionParams } from './reports.schemas';

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
  daily: Map<string, number>;
}

/**
 * The next period's units by the forecasting module's model, from this period's closed days:
 * its series ends before today (a day still selling is not history), and the points between
 * the history's end and the period's end are forecast but not counted.
 */
function forecastOf(days: string[], today: string, daily: Map<string, number>) {
  const closed = days.filter((d) => d < today);
  const skipped = days.length - closed.length;
  const history = closed.map((d) => daily.get(d) ?? 0);
  const result = forecastSeries(history, {
    horizon: days.length + skipped,
    seasonLength: 7,
    period: 'day',
    ...(closed[0] ? { firstWeekday: new Date(`${closed[0]}T00:00:00Z`).getUTCDay() } : {}),
  });
  if (result.status !== 'ok') {
    return { forecastUnits: null, forecastStatus: result.status, forecastMethod: null };
  }
  const units = result.points.slice(skipped).reduce((n, p) => n + p.mean, 0);
  return {
    forecastUnits: round(units),
    forecastStatus: 'ok' as const,
    forecastMethod: result.method,
  };
}

function groupsOf(lines: repo.ConsumptionLine[]): Group[] {
  const groups = new Map<string, Group>();
  for (const l of lines) {
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
        daily: new Map(),
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
    g.daily.set(l.day, (g.daily.get(l.day) ?? 0) + num(l.units));
  }
  return [...groups.values()];
}

const trendOf = (units: number, previous: number) =>
  previous ? round((units - previous) / previous, 4) : null;

/**
 * Units consumed by group with their cost, revenue, trend and forecast. `all` (a job) keeps
 * every row and forecasts each; otherwise the 500 groups with the most units.
 */
export async function consumptionReport(
  pool: Pool,
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
  );
  const groups = groupsOf(lines)
    .filter((g) => g.units !== 0 || g.previousUnits !== 0)
    .sort((a, b) => b.units - a.units || a.name.localeCompare(b.name));
  const shown = opts.all ? groups : groups.slice(0, ROW_LIMIT);
  const days = daysOf(period);
  const today = todayIn(timezone);

  const rows = [];
  for (const [i, g] of shown.entries()) {
    rows.push({
      groupId: g.groupId,
      name: g.name,
      sku: g.sku,
      units: g.units,
      cost: round(g.cost),
      revenue: round(g.revenue),
      previousUnits: g.previousUnits,
      trend: trendOf(g.units, g.previousUnits),
      ...forecastOf(days, today, g.daily),
    });
    if (opts.progress && (i + 1) % PROGRESS_EVERY === 0)
      await opts.progress((i + 1) / shown.length);
  }

  const sum = (pick: (g: Group) => number) => groups.reduce((n, g) => n + pick(g), 0);
  const units = sum((g) => g.units);
  const previousUnits = sum((g) => g.previousUnits);
  const byDay = new Map<string, number>();
  for (const g of groups) for (const [d, u] of g.daily) byDay.set(d, (byDay.get(d) ?? 0) + u);
  return {
    period: shownPeriod(period),
    previousPeriod: shownPeriod(previous),
    forecastPeriod: shownPeriod(nextOf(period, timezone)),
    groupBy: params.groupBy,
    totals: {
      units,
      cost: round(sum((g) => g.cost)),
      revenue: round(sum((g) => g.revenue)),
      previousUnits,
      trend: trendOf(units, previousUnits),
    },
    rows,
    truncated: shown.length < groups.length,
    series: days.map((date) => ({ date, units: byDay.get(date) ?? 0 })),
  };
}

export type ConsumptionReport = Awaited<ReturnType<typeof consumptionReport>>;
