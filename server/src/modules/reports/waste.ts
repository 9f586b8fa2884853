import type { Pool } from 'pg';
import { netUnitsByGroup } from './consumption.repo';
import { num, round, ROW_LIMIT, share } from './groups';
import { addDays, daysOf, resolvePeriod, shownPeriod } from './period';
import type { WasteParams } from './reports.schemas';
import * as repo from './waste.repo';

const DEFAULT_DAYS = 30;
/** Longer periods are drawn per week. */
const DAILY_UP_TO_DAYS = 92;

const REASON_NAMES: Record<string, string> = {
  damaged: 'Damaged',
  expired: 'Expired',
  spoiled: 'Spoiled',
  lost: 'Lost',
  theft: 'Theft',
};

/** The Mondays of the weeks that hold the period's days. */
function weeksOf(days: string[]): string[] {
  const mondays = days.map((d) => addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7)));
  return [...new Set(mondays)];
}

/**
 * Stock lost by group, its cost value, and its share of what left the shelves (units sold,
 * net, plus units lost) in the same group; for reasons, of the store's.
 */
export async function wasteReport(
  pool: Pool,
  storeId: string,
  timezone: string,
  params: WasteParams,
  opts: { all?: boolean } = {},
) {
  const period = resolvePeriod(params, timezone, DEFAULT_DAYS);
  const interval = period.days <= DAILY_UP_TO_DAYS ? 'day' : 'week';
  const soldBy = params.groupBy === 'reason' ? 'store' : params.groupBy;
  const [groups, points, sold] = await Promise.all([
    repo.wasteByGroup(pool, storeId, params.groupBy, period.start, period.end),
    repo.wasteSeries(pool, storeId, interval, period.start, period.end, timezone),
    netUnitsByGroup(pool, storeId, soldBy, period.start, period.end),
  ]);
  const units = groups.reduce((n, g) => n + num(g.units), 0);
  const costValue = groups.reduce((n, g) => n + num(g.cost_value), 0);
  const unitsSold = [...sold.values()].reduce((n, u) => n + u, 0);

  const all = groups
    .filter((g) => num(g.units) !== 0)
    .map((g) => {
      const soldInGroup = params.groupBy === 'reason' ? unitsSold : (sold.get(g.group_id) ?? 0);
      return {
        groupId: g.group_id,
        name: params.groupBy === 'reason' ? (REASON_NAMES[g.name] ?? g.name) : g.name,
        units: num(g.units),
        costValue: round(num(g.cost_value)),
        shareOfConsumption: share(num(g.units), Math.max(0, soldInGroup) + num(g.units)),
        shareOfWaste: share(num(g.units), units),
      };
    })
    .sort((a, b) => b.units - a.units || b.costValue - a.costValue);
  const rows = opts.all ? all : all.slice(0, ROW_LIMIT);

  const byDate = new Map(points.map((p) => [p.date, p]));
  const dates = interval === 'day' ? daysOf(period) : weeksOf(daysOf(period));
  return {
    period: shownPeriod(period),
    groupBy: params.groupBy,
    totals: {
      units,
      costValue: round(costValue),
      unitsSold,
      shareOfConsumption: share(units, Math.max(0, unitsSold) + units),
    },
    rows,
    truncated: rows.length < all.length,
    interval,
    series: dates.map((date) => ({
      date,
      units: num(byDate.get(date)?.units),
      costValue: round(num(byDate.get(date)?.cost_value)),
    })),
  } as const;
}

export type WasteReport = Awaited<ReturnType<typeof wasteReport>>;
