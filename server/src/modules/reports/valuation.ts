import type { Pool } from 'pg';
import { num, round, ROW_LIMIT, share } from './groups';
import type { ValuationParams } from './reports.schemas';
import * as repo from './valuation.repo';

/** The stock on hand now, valued at cost and at retail, by group. */
export async function valuationReport(
  pool: Pool,
  storeId: string,
  params: ValuationParams,
  opts: { all?: boolean } = {},
) {
  const groups = await repo.valuationByGroup(pool, storeId, params.groupBy);
  const totalCost = groups.reduce((n, g) => n + num(g.cost_value), 0);
  const totalRetail = groups.reduce((n, g) => n + num(g.retail_value), 0);
  const all = groups
    .map((g) => ({
      groupId: g.group_id,
      name: g.name,
      sku: g.sku,
      units: num(g.units),
      costValue: round(num(g.cost_value)),
      retailValue: round(num(g.retail_value)),
      potentialMargin: round(num(g.retail_value) - num(g.cost_value)),
      shareOfTotal: share(num(g.cost_value), totalCost),
    }))
    .sort((a, b) => b.costValue - a.costValue || a.name.localeCompare(b.name));
  const rows = opts.all ? all : all.slice(0, ROW_LIMIT);
  return {
    asOf: new Date().toISOString(),
    groupBy: params.groupBy,
    totals: {
      units: all.reduce((n, r) => n + r.units, 0),
      costValue: round(totalCost),
      retailValue: round(totalRetail),
      potentialMargin: round(totalRetail - totalCost),
    },
    rows,
    truncated: rows.length < all.length,
  };
}

export type ValuationReport = Awaited<ReturnType<typeof valuationReport>>;
