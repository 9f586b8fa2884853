/**
 * One product's line of the budget plan (POST optimization/reorder), pure: its need, what it
 * wants, how pressing it is, and why in words. optimization.ts loads the facts and funds
 * the lines (reorder-maths.ts `allocate`).
 */
import { arrivalsOf, onOrderWords, type OnOrder } from '../purchasing/on-order';
import type { ReorderProduct } from './optimization.repo';
import { round, type DemandEstimate, type LeadTime } from './prediction';
import { eoq, reorderPoint, safetyStock } from './reorder-maths';
import { daysBetween } from './series';
import { expiryCap, shelfLifeDays, stockCover } from './stock-cover';

export type PlanPriority = 'urgent' | 'high' | 'low';
export const PRIORITY_RANK: Record<PlanPriority, number> = { urgent: 0, high: 1, low: 2 };

export interface PlanLine {
  product: ReorderProduct;
  leadTime: LeadTime;
  daily: number;
  sigma: number;
  safety: number;
  rop: number;
  eoq: number | null;
  onOrder: OnOrder;
  /** Units to cover the lead time and review period (less what is there and coming). */
  needed: number;
  /** Units it would order with the money: the EOQ or the need, within the expiry cap. */
  want: number;
  unitCost: number | null;
  /** Days the stock and the deliveries due before it runs out last; null when nothing sells. */
  coverDays: number;
  priority: PlanPriority;
  /** What sells in the days a delivery keeps, when that capped the order. */
  expiryCap: number | null;
  shelfLife: number | undefined;
  stockText: string;
  /** Due, but its supplier is inactive or on hold. */
  onHold: boolean;
  /** At or below the reorder point (stock and what is on order). */
  due: boolean;
  coverLimitedBy: 'demand' | 'expiry' | null;
}

export function planLine(input: {
  product: ReorderProduct;
  leadTime: LeadTime;
  demand: DemandEstimate;
  onOrder: OnOrder;
  /** The store day stock last came in (how long a delivery keeps, with the expiry date). */
  lastStockIn: string | undefined;
  horizon: number;
  today: string;
  serviceLevel: number;
  orderingCost: number;
  holdingCostRate: number;
}): PlanLine {
  const { product, leadTime, demand, onOrder, horizon, today } = input;
  const safety = safetyStock(input.serviceLevel, demand.sigma, leadTime.days);
  const rop = reorderPoint(demand.daily, leadTime.days, safety);
  const unitCost = product.unit_cost === null ? null : Number(product.unit_cost);
  const q = unitCost
    ? eoq(demand.daily * 365, input.orderingCost, unitCost * input.holdingCostRate)
    : null;
  const expiresInDays = product.expires_at ? daysBetween(today, product.expires_at) : null;
  const cover = stockCover({
    stock: product.quantity,
    perDay: demand.daily,
    arrivals: arrivalsOf(onOrder, today),
    expiresInDays,
  });
  const coverDays = cover.days ?? Infinity;
  const available = product.quantity + onOrder.quantity;
  const shelfLife = shelfLifeDays(product.expires_at, input.lastStockIn);
  const cap = expiryCap({
    perDay: demand.daily,
    shelfLife,
    leadDays: leadTime.days,
    onOrder,
    today,
  })?.units;
  const needed = Math.min(
    Math.max(0, Math.ceil(demand.daily * horizon + safety - available)),
    cap ?? Infinity,
  );
  const runsOutFirst = coverDays < leadTime.days;
  // Due by position (stock and what is on order). One that runs out before its orders arrive
  // is not helped by another order that would come no sooner.
  const due = available <= rop;
  // Inactive and on-hold suppliers are not ordered from: no money goes to what cannot be bought.
  const held = product.supplier_status === 'inactive' || product.supplier_status === 'on-hold';
  const uncapped = due && !held ? Math.max(needed, Math.ceil(q ?? 0), 1) : 0;
  const want = Math.min(uncapped, cap ?? Infinity);
  const onOrderText = onOrderWords(onOrder, today);
  return {
    product,
    leadTime,
    daily: demand.daily,
    sigma: demand.sigma,
    safety,
    rop,
    eoq: q,
    onOrder,
    needed,
    want,
    unitCost,
    coverDays,
    priority: !due || held ? 'low' : product.quantity <= 0 || runsOutFirst ? 'urgent' : 'high',
    expiryCap: cap !== undefined && want < uncapped ? cap : null,
    shelfLife,
    stockText: `${product.quantity} in stock${onOrderText ? `, ${onOrderText}` : ''}`,
    onHold: due && held,
    due,
    coverLimitedBy: cover.limitedBy,
  };
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function reasonOf(
  p: PlanLine,
  quantity: number,
  limitedBy: 'budget' | 'storage' | null,
): string {
  const cover = (n: number) => `covers ${Math.round(n / p.daily)} days`;
  const rop = `reorder point ${round(p.rop, 1)}`;
  if (p.want === 0 && p.onHold) {
    return `skipped: its supplier ${p.product.supplier_name} is ${p.product.supplier_status} (${p.stockText}, ${rop}); change its status or the product's supplier to order it`;
  }
  if (p.want === 0) {
    if (p.due) {
      return `skipped: what is on order already sells before it expires (${p.stockText}, ${rop})`;
    }
    if (p.coverDays >= p.leadTime.days) {
      return `skipped: enough stock until after lead time (${p.stockText} lasts ${Math.floor(p.coverDays)} days, lead time ${days(p.leadTime.days)}, ${rop})`;
    }
    const expires = p.coverLimitedBy === 'expiry' ? `; it expires on ${p.product.expires_at}` : '';
    return p.onOrder.quantity > 0
      ? `skipped: what is on order covers it (${p.stockText}, ${rop})`
      : `skipped: above the reorder point (${p.stockText}, ${rop})${expires}`;
  }
  if (p.unitCost === null)
    return 'skipped: no known unit cost (set the product cost or a supplier price)';
  const why =
    p.product.quantity <= 0
      ? `urgent: out of stock (${p.stockText}, ${rop})`
      : p.priority === 'urgent'
        ? `urgent: runs out ${p.coverDays < 1 ? 'within a day' : `in about ${days(Math.floor(p.coverDays))}`}, before a delivery can arrive (lead time ${days(p.leadTime.days)}; ${p.stockText}, ${rop})`
        : `below reorder point (${p.stockText}, ${rop})`;
  if (quantity === 0) {
    return `${why}; skipped: ${limitedBy === 'storage' ? 'storage capacity' : 'budget'} exhausted`;
  }
  const capped =
    p.expiryCap !== null
      ? `, at most ${p.expiryCap}: what sells in the ${days(p.shelfLife!)} a delivery keeps`
      : '';
  if (limitedBy) {
    return `${why}; ordering ${quantity} of ${p.want}${capped} (${cover(quantity)}): ${limitedBy === 'budget' ? 'budget' : 'storage capacity'} ran short`;
  }
  const basis =
    p.expiryCap !== null
      ? `${quantity}${capped}`
      : p.eoq !== null && Math.ceil(p.eoq) >= p.needed
        ? `EOQ ${Math.ceil(p.eoq)}`
        : `the need ${p.needed}`;
  return `${why}; ordering ${basis} (${cover(quantity)})`;
}
