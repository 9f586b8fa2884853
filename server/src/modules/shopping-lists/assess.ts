/**
 * What a product needs, decided once for reorder lists and the reorder plan alike: its demand,
 * what is on order and what of it counts (on-order-count.ts), when it runs out (stock-cover.ts),
 * the supplier (supplier-choice.ts: price weighed against lead time) and that supplier's lead
 * time, whether it is due and how pressing (suggestion.ts `needOf`) and the list's suggestion.
 * A list keeps the suggestions; the plan (forecasting/optimization.ts) prices the same answer
 * within a budget, so the two never name different suppliers or priorities for one product.
 */
import type { Db } from '../../db/pool';
import { type OnOrderCount, countOnOrder, stillComing } from '../forecasting/on-order-count';
import { DEFAULT_LEAD_TIME_DAYS, type LeadTime } from '../forecasting/prediction';
import {
  expiryCap,
  shelfLifeDays,
  stockCover,
  type Cover,
  type ExpiryCap,
} from '../forecasting/stock-cover';
import { arrivalsOf, type OnOrder } from '../purchasing/on-order';
import type { CandidateProduct } from './candidates';
import { dailyDemand } from './demand';
import type { Criteria } from './shopping-lists.schemas';
import { supplierOptions } from './supplier-options';
import { needOf, type Need } from './need';
import { addDays, daysBetween, suggest, type Suggestion, type SupplierOption } from './suggestion';
import { chooseSupplier, type SupplierChoice } from './supplier-choice';
import type { InventoryService } from '../inventory/inventory.service';
import type { PurchasingService } from '../purchasing/purchasing.service';
import type { ReorderSources } from './reorder-sources';

/** What an assessment reads through other modules' services. */
export interface AssessDeps {
  /** The purchasing module's stock on order per product. */
  onOrderFor: PurchasingService['onOrderFor'];
  lastStockInDays: InventoryService['lastStockInDays'];
  /** Other modules' data a list is made from (reorder-sources.ts). */
  sources: ReorderSources;
}

export interface Assessment {
  product: CandidateProduct;
  perDay: number;
  options: SupplierOption[];
  choice: SupplierChoice;
  /** The chosen supplier's lead time; 7 days (`default`) when there is none. */
  lead: LeadTime;
  onOrder: OnOrderCount;
  /** How long the stock lasts with every delivery still coming. */
  cover: Cover;
  /** Days a delivery keeps (expiring products with a known last delivery). */
  shelfLife: number | undefined;
  expiryCap: ExpiryCap | undefined;
  /** Why it is due and how pressing; undefined when it is not. */
  need: Need | undefined;
  /** The list's item; undefined when not due, or what is on order fills what can sell. */
  suggestion: Suggestion | undefined;
}

/** When a product runs out: its stock, every delivery still coming, and expiry dates. */
export function coverOf(
  p: Pick<CandidateProduct, 'quantity' | 'expiresAt'>,
  perDay: number,
  onOrder: OnOrder,
  today: string,
  shelfLife: number | undefined,
): Cover {
  return stockCover({
    stock: p.quantity,
    perDay,
    arrivals: arrivalsOf(stillComing(onOrder, today), today),
    expiresInDays: p.expiresAt ? daysBetween(today, p.expiresAt) : null,
    deliveryKeepsDays: shelfLife,
  });
}

export async function assess(
  db: Db,
  deps: AssessDeps,
  storeId: string,
  timezone: string,
  products: readonly CandidateProduct[],
  criteria: Criteria,
  today: string,
): Promise<Assessment[]> {
  const ids = products.map((p) => p.id);
  const [options, onOrder, stockIn] = await Promise.all([
    supplierOptions(deps.sources, db, storeId, ids),
    deps.onOrderFor(db, storeId, ids),
    deps.lastStockInDays(db, storeId, timezone, ids),
  ]);
  const allowed = criteria.suppliers ? new Set(criteria.suppliers) : undefined;
  const leads = [...options.values()].map((list) =>
    list.length ? Math.max(...list.map((o) => o.leadTimeDays)) : DEFAULT_LEAD_TIME_DAYS,
  );
  const demand = await dailyDemand(
    deps.sources,
    db,
    storeId,
    ids,
    Math.max(0, ...leads) + criteria.daysAhead,
  );

  return products.map((product) => {
    const perDay = demand.get(product.id) ?? 0;
    const ordered = onOrder.get(product.id)!;
    const shelfLife = shelfLifeDays(product.expiresAt, stockIn.get(product.id));
    const cover = coverOf(product, perDay, ordered, today, shelfLife);
    const choice = chooseSupplier(options.get(product.id)!, {
      allowed,
      runsOutInDays: cover.days,
    });
    const { supplier } = choice;
    const lead: LeadTime = supplier
      ? { days: supplier.leadTimeDays, source: supplier.leadTimeSource }
      : { days: DEFAULT_LEAD_TIME_DAYS, source: 'default' };
    const count = countOnOrder(ordered, today, addDays(today, lead.days + criteria.daysAhead));
    const cap = expiryCap({
      perDay,
      shelfLife,
      leadDays: lead.days,
      onOrder: stillComing(ordered, today),
      today,
    });
    const need = needOf(product, perDay, lead.days, criteria, today, {
      counted: count.counted.quantity,
      runsOutInDays: cover.days,
    });
    const suggestion = need
      ? suggest(product, perDay, supplier, criteria, today, {
          onOrder: count,
          runsOutInDays: cover.days,
          supplierWhy: choice.why,
          expiryCap: cap,
        })
      : undefined;
    return {
      product,
      perDay,
      options: options.get(product.id)!,
      choice,
      lead,
      onOrder: count,
      cover,
      shelfLife,
      expiryCap: cap,
      need,
      suggestion,
    };
  });
}
