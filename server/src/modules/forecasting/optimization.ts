/**
 * POST optimization/reorder: what to order within a budget (and storage), most pressing
 * first. Per product the reorder list's decision (shopping-lists assess.ts, through
 * `deps.assessReorder`): its demand, what is on order and counts, when it runs out, the
 * supplier (price weighed against lead time) and its lead time, whether it is due against the
 * product's own reorder point and how pressing. On that the plan adds the service level's
 * safety stock (and Nimbus's suggested reorder point, with why), the EOQ, and funds the due
 * lines in two passes (reorder-maths.ts `allocate`: every need first, then the EOQ top-ups); a
 * product that expires no more than sells before it does; every item says why it is in or out.
 */
import type { StoreContext } from '../../core/context';
import { ValidationError, type ErrorDetail } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { ReorderProduct as CatalogueProduct } from '../products/products.reads';
import type { ForecastingDeps } from './forecasting.service';
import type { ReorderInput } from './forecasting.schemas';
import { loadSeries } from './load-series';
import { freshForecasts, liveDailyForecasts } from './live-forecast';
import { AVERAGE_DAYS, demandEstimate, round } from './prediction';
import { allocate, leadTimeSpread, type Candidate } from './reorder-maths';
import { planLine, PRIORITY_RANK, type PlanLine } from './reorder-plan';
import { reasonOf } from './reorder-plan-words';
import { todayIn } from './series';

/** A product the plan weighs: the catalogue's, with its own supplier's name and status. */
export interface ReorderProduct extends CatalogueProduct {
  supplier_name: string | null;
  /** The supplier's status: inactive and on-hold suppliers are not ordered from. */
  supplier_status: string | null;
}

async function assertOwnIds(deps: ForecastingDeps, storeId: string, input: ReorderInput) {
  const { products, categories, suppliers } = deps.sources;
  const owned: Record<'productIds' | 'categories' | 'suppliers', OwnedIds> = {
    productIds: products.existing,
    categories: categories.existing,
    suppliers: async (db, store, ids) =>
      new Set((await suppliers.summariesOf(db, store, ids)).keys()),
  };
  const fields = [
    ['productIds', 'product'],
    ['categories', 'category'],
    ['suppliers', 'supplier'],
  ] as const;
  const details: ErrorDetail[] = [];
  for (const [field, what] of fields) {
    const ids = input[field] ?? [];
    const own = ids.length ? await owned[field](deps.pool, storeId, ids) : new Set<string>();
    ids.forEach((id, i) => {
      if (!own.has(id)) {
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

type OwnedIds = (db: Db, storeId: string, ids: readonly string[]) => Promise<Set<string>>;

/** The store's active products within the filters, with their own supplier's name and status. */
async function reorderProducts(
  { pool, sources }: ForecastingDeps,
  storeId: string,
  timezone: string,
  f: { productIds?: string[]; categories?: string[]; suppliers?: string[] },
): Promise<ReorderProduct[]> {
  const products = await sources.products.reorder.products(pool, storeId, timezone, f);
  const suppliers = await sources.suppliers.summariesOf(
    pool,
    storeId,
    products.map((p) => p.supplier_id),
  );
  return products.map((p) => {
    const s = p.supplier_id ? suppliers.get(p.supplier_id) : undefined;
    return { ...p, supplier_name: s?.name ?? null, supplier_status: s?.status ?? null };
  });
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
  const products = await reorderProducts(deps, ctx.storeId, tz, input);
  const ids = products.map((p) => p.id);
  const [series, forecasts, assessed] = await Promise.all([
    loadSeries(deps.sources, pool, ctx.storeId, tz, products, today, AVERAGE_DAYS),
    freshForecasts(pool, ctx.storeId, ids, today),
    deps.assessReorder(pool, ctx.storeId, tz, today, ids, {
      daysAhead: input.reviewDays,
      suppliers: input.suppliers,
    }),
  ]);
  const assessments = new Map(assessed.map((a) => [a.product.id, a]));
  const horizonOf = (id: string) => assessments.get(id)!.lead.days + input.reviewDays;
  // Without a stored forecast, the best sellers are forecast now, as the stock outlook does,
  // so the plan's safety stock and suggested reorder point are the outlook's.
  const unforecast = products
    .filter((p) => !forecasts.has(p.id) && assessments.get(p.id)!.perDay > 0)
    .sort((a, b) => assessments.get(b.id)!.perDay - assessments.get(a.id)!.perDay);
  const live = await liveDailyForecasts(deps.sources, pool, {
    storeId: ctx.storeId,
    timezone: tz,
    today,
    products: unforecast,
  });
  for (const [id, f] of live) forecasts.set(id, f);

  const plans: PlanLine[] = [];
  for (const product of products) {
    const assessment = assessments.get(product.id)!;
    if (assessment.perDay <= 0) continue; // never sold: nothing to plan from
    const horizon = horizonOf(product.id);
    const estimate = demandEstimate(
      series.get(product.id)!,
      forecasts.get(product.id) ?? null,
      today,
      horizon,
    );
    plans.push(
      planLine({
        product,
        assessment,
        sigma: estimate.sigma,
        leadTimeSd: leadTimeSpread(estimate, assessment.lead.days),
        horizon,
        reviewDays: input.reviewDays,
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
      supplierId: p.supplier?.id ?? null,
      supplierName: p.supplier?.name ?? null,
      leadTimeDays: p.leadTime.days,
      leadTimeSource: p.leadTime.source,
      avgDailyDemand: round(p.daily, 3),
      demandStdDev: round(p.sigma, 3),
      safetyStock: round(p.safety),
      reorderPoint: p.product.reorder_point,
      suggestedReorderPoint: Math.ceil(round(p.suggestedRop, 6)),
      suggestedReorderPointWhy: p.suggestedWhy,
      eoq: p.eoq === null ? 0 : Math.round(p.eoq),
      currentStock: p.product.quantity,
      onOrder: p.onOrder.counted.quantity,
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
