/**
 * POST optimization/reorder: what to order within a budget (and storage), most urgent first.
 * Per product: forecast demand and its spread, lead time, safety stock, reorder point, EOQ,
 * stock and what is already on order; products at or below their reorder point are funded
 * greedily (reorder-maths.ts `allocate`) and every item says why it is in or out.
 */
import type { StoreContext } from '../../core/context';
import { ValidationError, type ErrorDetail } from '../../core/errors';
import type { ForecastingDeps } from './forecasting.service';
import { forecastsOf } from './forecasts.repo';
import type { ReorderInput } from './forecasting.schemas';
import { onOrder, supplierLeadTimes } from './lead-times.repo';
import { loadSeries } from './load-series';
import { foreignIds, reorderProducts, type ReorderProduct } from './optimization.repo';
import { AVERAGE_DAYS, demandEstimate, leadTimeOf, round, type LeadTime } from './prediction';
import { allocate, eoq, reorderPoint, safetyStock, type Candidate } from './reorder-maths';
import { storedDailyForecast } from './recalculate';
import { todayIn } from './series';

async function assertOwnIds(deps: ForecastingDeps, storeId: string, input: ReorderInput) {
  const fields = [
    ['productIds', 'products', 'product'],
    ['categories', 'categories', 'category'],
    ['suppliers', 'suppliers', 'supplier'],
  ] as const;
  const details: ErrorDetail[] = [];
  for (const [field, table, what] of fields) {
    const ids = input[field] ?? [];
    const foreign = new Set(await foreignIds(deps.pool, storeId, table, ids));
    ids.forEach((id, i) => {
      if (foreign.has(id)) {
        details.push({
          field: `${field}.${i}`,
          message: `is not a ${what} of this store`,
          code: 'not_found',
        });
      }
    });
  }
  if (details.length) throw new ValidationError(details);
}

interface Plan {
  product: ReorderProduct;
  leadTime: LeadTime;
  daily: number;
  sigma: number;
  safety: number;
  rop: number;
  eoq: number | null;
  onOrder: number;
  needed: number;
  want: number;
  unitCost: number | null;
  coverDays: number;
}

export async function optimizeReorder(
  deps: ForecastingDeps,
  ctx: StoreContext,
  input: ReorderInput,
) {
  const { pool } = deps;
  await assertOwnIds(deps, ctx.storeId, input);
  const tz = await deps.timezoneOf(ctx);
  const today = todayIn(tz);
  const products = await reorderProducts(pool, ctx.storeId, tz, input);
  const ids = products.map((p) => p.id);
  const [series, stored, leadTimes, ordered] = await Promise.all([
    loadSeries(pool, ctx.storeId, tz, products, today, AVERAGE_DAYS),
    forecastsOf(pool, ctx.storeId, ids),
    supplierLeadTimes(pool, ctx.storeId),
    onOrder(pool, ctx.storeId, ids),
  ]);

  const plans: Plan[] = [];
  for (const product of products) {
    const leadTime = leadTimeOf(product.supplier_id, leadTimes);
    const horizon = leadTime.days + input.reviewDays;
    const demand = demandEstimate(
      series.get(product.id)!,
      storedDailyForecast(stored.get(product.id)),
      today,
      horizon,
    );
    if (demand.daily <= 0) continue; // never sold: nothing to plan from
    const safety = safetyStock(input.serviceLevel, demand.sigma, leadTime.days);
    const rop = reorderPoint(demand.daily, leadTime.days, safety);
    const unitCost = product.unit_cost === null ? null : Number(product.unit_cost);
    const q = unitCost
      ? eoq(demand.daily * 365, input.orderingCost, unitCost * input.holdingCostRate)
      : null;
    const available = product.quantity + (ordered.get(product.id) ?? 0);
    const needed = Math.max(0, Math.ceil(demand.daily * horizon + safety - available));
    const belowRop = available <= rop;
    plans.push({
      product,
      leadTime,
      daily: demand.daily,
      sigma: demand.sigma,
      safety,
      rop,
      eoq: q,
      onOrder: ordered.get(product.id) ?? 0,
      needed,
      want: belowRop ? Math.max(needed, Math.ceil(q ?? 0), 1) : 0,
      unitCost,
      coverDays: available / demand.daily,
    });
  }

  const candidates: Candidate[] = plans
    .filter((p) => p.want > 0 && p.unitCost !== null)
    .map((p) => ({
      id: p.product.id,
      quantity: p.want,
      unitCost: p.unitCost!,
      urgency: p.coverDays / Math.max(1, p.leadTime.days),
      value: p.daily * p.unitCost!,
    }));
  const allocation = allocate(candidates, input.budget, input.storageCapacity ?? null);

  let spent = 0;
  let storageUsed = 0;
  const items = plans.map((p) => {
    const a = allocation.get(p.product.id);
    const quantity = a?.quantity ?? 0;
    const cost = round(quantity * (p.unitCost ?? 0));
    spent += cost;
    storageUsed += quantity;
    return {
      productId: p.product.id,
      name: p.product.name,
      sku: p.product.sku,
      supplierId: p.product.supplier_id,
      supplierName: p.product.supplier_name,
      leadTimeDays: p.leadTime.days,
      leadTimeSource: p.leadTime.source,
      avgDailyDemand: round(p.daily, 3),
      demandStdDev: round(p.sigma, 3),
      safetyStock: round(p.safety),
      reorderPoint: round(p.rop),
      eoq: p.eoq === null ? 0 : Math.round(p.eoq),
      currentStock: p.product.quantity,
      onOrder: p.onOrder,
      needed: p.needed,
      recommendedQuantity: quantity,
      unitCost: p.unitCost,
      cost,
      included: quantity > 0,
      reason: reasonOf(p, quantity, a?.limitedBy ?? null),
      urgency: p.coverDays / Math.max(1, p.leadTime.days),
    };
  });
  items.sort((a, b) => Number(b.included) - Number(a.included) || a.urgency - b.urgency);
  return {
    serviceLevel: input.serviceLevel,
    budget: input.budget,
    spent: round(spent),
    storageCapacity: input.storageCapacity ?? null,
    storageUsed,
    items: items.map(({ urgency: _urgency, ...item }) => item),
  };
}

function reasonOf(p: Plan, quantity: number, limitedBy: 'budget' | 'storage' | null): string {
  const cover = (n: number) => `covers ${Math.round(n / p.daily)} days`;
  const stockText = `${p.product.quantity} in stock${p.onOrder ? ` + ${p.onOrder} on order` : ''}`;
  if (p.want === 0) {
    return `skipped: enough stock until after lead time (${stockText} lasts ${Math.floor(p.coverDays)} days, lead time ${p.leadTime.days} days, reorder point ${round(p.rop, 1)})`;
  }
  if (p.unitCost === null)
    return 'skipped: no known unit cost (set the product cost or a supplier price)';
  const basis =
    p.eoq !== null && Math.ceil(p.eoq) >= p.needed
      ? `EOQ ${Math.ceil(p.eoq)}`
      : `the need ${p.needed}`;
  const below = `below reorder point (${stockText}, reorder point ${round(p.rop, 1)})`;
  if (quantity === 0) {
    return limitedBy === 'storage'
      ? 'skipped: storage capacity exhausted'
      : 'skipped: budget exhausted';
  }
  if (limitedBy) {
    return `${below}; ordering ${quantity} of ${p.want} (${cover(quantity)}): ${limitedBy === 'budget' ? 'budget' : 'storage capacity'} ran short`;
  }
  return `${below}; ordering ${basis} (${cover(quantity)})`;
}
