/**
 * One product's line of the budget plan (POST optimization/reorder), pure: its need, what it
 * wants, how pressing it is, and why in words. Whether it is due, how pressing, from which
 * supplier and that supplier's lead time are the reorder list's answer (shopping-lists
 * assess.ts), so the plan and a list never disagree; the plan adds the service level's safety
 * stock, the economic order quantity and, in optimization.ts, the money.
 */
import type { Assessment } from '../shopping-lists/assess';
import { onOrderCountWords, type OnOrderCount } from './on-order-count';
import type { ReorderProduct } from './optimization';
import { suggestionWhy } from './outlook';
import type { LeadTime } from './prediction';
import { eoq, reorderPoint, safetyStock } from './reorder-maths';

export type PlanPriority = 'urgent' | 'high' | 'medium' | 'low';
export const PRIORITY_RANK: Record<PlanPriority, number> = {
  urgent: 0,
  high: 1,
  medium: 2,
  low: 3,
};

export interface PlanLine {
  product: ReorderProduct;
  supplier: { id: string; name: string } | null;
  /** Why that supplier and not the cheapest (lead time), in words. */
  supplierWhy: string | undefined;
  leadTime: LeadTime;
  daily: number;
  sigma: number;
  safety: number;
  /** Nimbus's reorder point for the service level (d·L + safety stock): a suggestion. */
  suggestedRop: number;
  suggestedWhy: string;
  eoq: number | null;
  onOrder: OnOrderCount;
  /** Units to cover the lead time and review period (less what is there and coming). */
  needed: number;
  /** Units it would order with the money: the EOQ or the need, within the expiry cap. */
  want: number;
  unitCost: number | null;
  /** Days the stock and the deliveries due before it runs out last; Infinity when nothing sells. */
  coverDays: number;
  priority: PlanPriority;
  /** What sells in the days a delivery keeps, when that capped the order. */
  expiryCap: number | null;
  shelfLife: number | undefined;
  stockText: string;
  /** Due, but no active supplier offers it (its own is inactive or on hold). */
  onHold: boolean;
  /** Due by the reorder list's rule (suggestion.ts `needOf`). */
  due: boolean;
  /** The stock on hand's expiry ends its days of stock. */
  onHandExpiryEnds: boolean;
  reviewDays: number;
}

export function planLine(input: {
  product: ReorderProduct;
  assessment: Assessment;
  /** The spread of daily demand (forecast error, else the last 30 days'). */
  sigma: number;
  /** The spread of the total over the lead time (reorder-maths `leadTimeSpread`). */
  leadTimeSd: number;
  horizon: number;
  reviewDays: number;
  today: string;
  serviceLevel: number;
  orderingCost: number;
  holdingCostRate: number;
}): PlanLine {
  const { product, assessment: a, horizon } = input;
  const daily = a.perDay;
  const supplier = a.choice.supplier;
  const leadTime = a.lead;
  const safety = safetyStock(input.serviceLevel, input.leadTimeSd);
  const suggestedRop = reorderPoint(daily, leadTime.days, safety);
  const unitCost = supplier?.cost ?? (product.cost === null ? null : Number(product.cost));
  const q = unitCost
    ? eoq(daily * 365, input.orderingCost, unitCost * input.holdingCostRate)
    : null;
  const available = product.quantity + a.onOrder.counted.quantity;
  const cap = a.expiryCap?.units;
  const needed = Math.min(
    Math.max(0, Math.ceil(daily * horizon + safety - available)),
    cap ?? Infinity,
  );
  const due = a.need !== undefined;
  // No active supplier offers it: no money goes to what cannot be bought.
  const held =
    !supplier && (product.supplier_status === 'inactive' || product.supplier_status === 'on-hold');
  // Due, but what is on order already fills what sells before it expires (under a pack): the
  // list leaves it out, and so does the plan.
  const filled = due && a.suggestion === undefined;
  const uncapped = due && !held && !filled ? Math.max(needed, Math.ceil(q ?? 0), 1) : 0;
  const want = Math.min(uncapped, cap ?? Infinity);
  const onOrderText = onOrderCountWords(a.onOrder, input.today);
  return {
    product,
    supplier: supplier ? { id: supplier.supplierId, name: supplier.name } : null,
    supplierWhy: a.choice.why,
    leadTime,
    daily,
    sigma: input.sigma,
    safety,
    suggestedRop,
    suggestedWhy: suggestionWhy(
      { lead_time_days: leadTime.days, safety_stock: safety, service_level: input.serviceLevel },
      daily,
    ),
    eoq: q,
    onOrder: a.onOrder,
    needed,
    want,
    unitCost,
    coverDays: a.cover.days ?? Infinity,
    priority: due && !held ? a.need!.priority : 'low',
    expiryCap: cap !== undefined && want < uncapped ? cap : null,
    shelfLife: a.shelfLife,
    stockText: `${product.quantity} in stock${onOrderText ? `, ${onOrderText}` : ''}`,
    onHold: due && held,
    due,
    onHandExpiryEnds: a.cover.limitedBy === 'expiry' && a.cover.expiringStock === 'on_hand',
    reviewDays: input.reviewDays,
  };
}
