/**
 * GET anomalies: the demand anomalies the last recalculation stored, and cost increases
 * between consecutive invoices (only for those who may see costs: reports:view).
 */
import type { StoreContext } from '../../core/context';
import { ForbiddenError } from '../../core/errors';
import type { CostIncreaseRow } from '../invoices/invoices.reads';
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

/** Names shown with an anomaly: its product's, the invoicing supplier's (their owners'). */
interface Names {
  products: ReadonlyMap<string, { name: string }>;
  suppliers: ReadonlyMap<string, string>;
}

function demandView(r: repo.DemandAnomalyRow & { product_name: string }) {
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

function costView(r: CostIncreaseRow & { product_name: string; supplier_name: string }) {
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
  { pool, timezoneOf, sources }: Pick<ForecastingDeps, 'pool' | 'timezoneOf' | 'sources'>,
  ctx: StoreContext,
  q: AnomaliesQuery,
) {
  if (q.type === 'cost_increase' && !ctx.permissions.includes('reports:view')) {
    throw new ForbiddenError(
      'Cost increases show costs: they need reports:view (managers, admins, viewers)',
    );
  }
  const timezone = await timezoneOf(ctx);
  const since = addDays(todayIn(timezone), -q.days);
  const demandKinds = (['demand_spike', 'demand_drop'] as const).filter(
    (k) => !q.type || q.type === k,
  );
  const demandRows = demandKinds.length
    ? await repo.demandAnomalies(pool, ctx.storeId, {
        since,
        kinds: demandKinds,
        severity: q.severity,
      })
    : [];
  const wantsCost =
    (!q.type || q.type === 'cost_increase') && ctx.permissions.includes('reports:view');
  const costRows = wantsCost ? await sources.costIncreases(pool, ctx.storeId, timezone, since) : [];
  const names: Names = {
    products: await sources.products.labelsOf(pool, ctx.storeId, [
      ...demandRows.map((r) => r.product_id),
      ...costRows.map((r) => r.product_id),
    ]),
    suppliers: await sources.suppliers.namesOf(
      pool,
      ctx.storeId,
      costRows.map((r) => r.supplier_id),
    ),
  };
  // An anomaly's product is deleted with it; an invoice line's keeps it until then.
  const demand = demandRows.flatMap((r) => {
    const product = names.products.get(r.product_id);
    return product ? [demandView({ ...r, product_name: product.name })] : [];
  });
  const cost = costRows
    .flatMap((r) => {
      const product = names.products.get(r.product_id);
      const supplier = names.suppliers.get(r.supplier_id);
      return product && supplier !== undefined
        ? [costView({ ...r, product_name: product.name, supplier_name: supplier })]
        : [];
    })
    .filter(
      (a): a is NonNullable<typeof a> => a !== null && (!q.severity || a.severity === q.severity),
    );
  return [...demand, ...cost].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 500);
}
