/**
 * GET anomalies: the demand anomalies the last recalculation stored, and cost increases
 * between consecutive invoices (only for those who may see costs: reports:view).
 */
import type { StoreContext } from '../../core/context';
import { ForbiddenError } from '../../core/errors';
import * as repo from './anomalies.repo';
import type { AnomaliesQuery } from './forecasting.schemas';
import type { ForecastingDeps } from './forecasting.service';
import { round } from './prediction';
import { addDays, todayIn } from './series';

type Severity = 'low' | 'medium' | 'high';

/** Cost increases by size: 5% is worth a look, 30% is a different price list. */
export function costSeverity(percent: number): Severity | null {
  if (percent >= 30) return 'high';
  if (percent >= 15) return 'medium';
  if (percent >= 5) return 'low';
  return null;
}

const COST_ACTION: Record<Severity, string> = {
  low: 'Compare suppliers before the next order',
  medium: 'Compare suppliers and ask this one about the new price',
  high: 'Check the invoice for a data entry error, then compare suppliers',
};

function demandView(r: repo.DemandAnomalyRow) {
  const spike = r.kind === 'demand_spike';
  const changePercent =
    r.expected > 0 ? round((100 * (r.observed - r.expected)) / r.expected, 1) : null;
  return {
    id: r.id,
    type: r.kind,
    severity: r.severity,
    productId: r.product_id,
    productName: r.product_name,
    date: r.day,
    observed: r.observed,
    expected: r.expected,
    lower: r.lower,
    upper: r.upper,
    changePercent,
    message: spike
      ? `${r.product_name} sold ${r.observed} on ${r.day}, expected about ${round(r.expected, 1)} (at most ${round(r.upper, 1)})`
      : `${r.product_name} sold ${r.observed} on ${r.day}, expected about ${round(r.expected, 1)} (at least ${round(r.lower, 1)})`,
    suggestedAction: spike
      ? 'Check for a promotion or a data entry error; if demand stays up, raise the reorder point'
      : 'Check the shelf and stock count (out of stock, misplaced?); if demand stays down, lower the reorder point',
    supplierId: null,
    supplierName: null,
  };
}

function costView(r: repo.CostIncreaseRow) {
  const cost = Number(r.unit_cost);
  const previous = Number(r.previous_cost);
  const percent = round((100 * (cost - previous)) / previous, 1);
  const severity = costSeverity(percent);
  if (!severity) return null;
  return {
    id: r.line_id,
    type: 'cost_increase' as const,
    severity,
    productId: r.product_id,
    productName: r.product_name,
    date: r.day,
    observed: cost,
    expected: previous,
    lower: null,
    upper: null,
    changePercent: percent,
    message: `${r.supplier_name} invoiced ${r.product_name} at ${cost.toFixed(2)}, up ${percent}% from ${previous.toFixed(2)} on its previous invoice`,
    suggestedAction: COST_ACTION[severity],
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
  };
}

export async function listAnomalies(
  { pool, timezoneOf }: Pick<ForecastingDeps, 'pool' | 'timezoneOf'>,
  ctx: StoreContext,
  q: AnomaliesQuery,
) {
  if (q.type === 'cost_increase' && !ctx.permissions.includes('reports:view')) {
    throw new ForbiddenError(
      'Cost increases show costs: they need reports:view (managers, admins, viewers)',
    );
  }
  const since = addDays(todayIn(await timezoneOf(ctx)), -q.days);
  const demandKinds = (['demand_spike', 'demand_drop'] as const).filter(
    (k) => !q.type || q.type === k,
  );
  const demand = demandKinds.length
    ? (
        await repo.demandAnomalies(pool, ctx.storeId, {
          since,
          kinds: demandKinds,
          severity: q.severity,
        })
      ).map(demandView)
    : [];
  const wantsCost =
    (!q.type || q.type === 'cost_increase') && ctx.permissions.includes('reports:view');
  const cost = wantsCost
    ? (await repo.costIncreases(pool, ctx.storeId, since))
        .map(costView)
        .filter(
          (a): a is NonNullable<typeof a> =>
            a !== null && (!q.severity || a.severity === q.severity),
        )
    : [];
  return [...demand, ...cost].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 500);
}
