/**
 * POST optimization/reorder: what to order within a budget (and storage), most pressing
 * first. Per product: forecast demand and its spread, lead time, safety stock, reorder point,
 * EOQ, stock and what is on order and due within the horizon (purchasing's `onOrderFor`);
 * products that are out, run out before a delivery can arrive or sit at or below their reorder
 * point are funded in two passes (reorder-maths.ts `allocate`: every need first, then the
 * EOQ top-ups), a product that expires no more than sells before it does (reorder-plan.ts),
 * and every item says why it is in or out.
 */
import type { StoreContext } from '../../core/context';
import { ValidationError, type ErrorDetail } from '../../core/errors';
import { dueBy } from '../purchasing/on-order';
import type { ForecastingDeps } from './forecasting.service';
import { forecastsOf } from './forecasts.repo';
import type { ReorderInput } from './forecasting.schemas';
import { supplierLeadTimes } from './lead-times.repo';
import { loadSeries } from './load-series';
import { foreignIds, reorderProducts } from './optimization.repo';
import { AVERAGE_DAYS, demandEstimate, leadTimeOf, round } from './prediction';
import { allocate, type Candidate } from './reorder-maths';
import { planLine, PRIORITY_RANK, reasonOf, type PlanLine } from './reorder-plan';
import { storedDailyForecast } from './recalculate';
import { addDays, todayIn } from './series';

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
  const [series, stored, leadTimes, ordered, stockIn] = await Promise.all([
    loadSeries(pool, ctx.storeId, tz, products, today, AVERAGE_DAYS),
    forecastsOf(pool, ctx.storeId, ids),
    supplierLeadTimes(pool, ctx.storeId),
    deps.onOrderFor(pool, ctx.storeId, ids),
    deps.lastStockInDays(pool, ctx.storeId, tz, ids),
  ]);

  const plans: PlanLine[] = [];
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
    plans.push(
      planLine({
        product,
        leadTime,
        demand,
        // What is due after the horizon does not help this order cycle.
        onOrder: dueBy(ordered.get(product.id)!, addDays(today, Math.ceil(horizon))),
        lastStockIn: stockIn.get(product.id),
        horizon,
        today,
        serviceLevel: input.serviceLevel,
        orderingCost: input.orderingCost,
        holdingCostRate: input.holdingCostRate,
      }),
    );
  }

  const urgencyOf = (p: PlanLine) => p.coverDays / Math.max(1, p.leadTime.days);
  const candidates: Candidate[] = plans
    .filter((p) => p.want > 0 && p.unitCost !== null)
    .map((p) => ({
      id: p.product.id,
      quantity: p.want,
      need: p.needed,
      unitCost: p.unitCost!,
      rank: PRIORITY_RANK[p.priority],
      urgency: urgencyOf(p),
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
      onOrder: p.onOrder.quantity,
      daysOfStock: Number.isFinite(p.coverDays) ? round(p.coverDays, 1) : null,
      expiresAt: p.product.expires_at,
      priority: p.want > 0 ? p.priority : ('low' as const),
      needed: p.needed,
      recommendedQuantity: quantity,
      unitCost: p.unitCost,
      cost,
      included: quantity > 0,
      reason: reasonOf(p, quantity, a?.limitedBy ?? null),
      rank: p.want > 0 ? PRIORITY_RANK[p.priority] : 9,
      urgency: urgencyOf(p),
    };
  });
  items.sort(
    (a, b) => Number(b.included) - Number(a.included) || a.rank - b.rank || a.urgency - b.urgency,
  );
  return {
    serviceLevel: input.serviceLevel,
    budget: input.budget,
    spent: round(spent),
    storageCapacity: input.storageCapacity ?? null,
    storageUsed,
    items: items.map(({ urgency: _urgency, rank: _rank, ...item }) => item),
  };
}
