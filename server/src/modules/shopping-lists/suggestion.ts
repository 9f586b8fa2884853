import {
  DEFAULT_LEAD_TIME_DAYS as DEFAULT_LEAD,
  type LeadTimeSource,
} from '../forecasting/prediction';
import { dayWords } from '../forecasting/lead-times';
import {
  NOTHING_COUNTED,
  onOrderCountWords,
  type OnOrderCount,
} from '../forecasting/on-order-count';
import type { ExpiryCap } from '../forecasting/stock-cover';
import { leadWords, needOf, reasonText } from './need';
import type { Criteria } from './shopping-lists.schemas';
import { todayIn } from '../../core/calendar';

export type Priority = 'low' | 'medium' | 'high' | 'urgent';

/** A supplier that offers a product, as the catalogue and purchasing know it. */
export interface SupplierOffer {
  supplierId: string;
  name: string;
  /** Its last known cost (`supplier_items.last_cost`; the product's cost for its own supplier). */
  cost: number | null;
  minOrderQuantity: number;
  /** The supplier named on the product itself. */
  own: boolean;
  /** Inactive and on-hold suppliers are not ordered from. */
  usable: boolean;
}

/** A supplier a product can be bought from, with its lead time (forecasting `leadTimeOf`). */
export interface SupplierOption extends SupplierOffer {
  leadTimeDays: number;
  leadTimeSource: LeadTimeSource;
}

export interface StockFacts {
  quantity: number;
  reorderPoint: number;
  reorderQuantity: number | null;
  packSize: number | null;
  /** `YYYY-MM-DD` */
  expiresAt: string | null;
}

export interface Suggestion {
  suggestedQuantity: number;
  priority: Priority;
  reason: string;
}

const rate = (perDay: number) =>
  perDay >= 10
    ? `${Math.round(perDay)}/day`
    : perDay >= 0.1
      ? `${Number(perDay.toFixed(1))}/day`
      : 'under 0.1/day';

/**
 * The supplier to buy from: the cheapest known cost among the usable ones (`allowed` limits
 * them to the list's supplier filter); a known cost beats an unknown one; on a tie the
 * product's own supplier, then the name.
 */
export function cheapestSupplier<T extends SupplierOffer>(
  options: readonly T[],
  allowed?: ReadonlySet<string>,
): T | undefined {
  return options
    .filter((o) => o.usable && (!allowed || allowed.has(o.supplierId)))
    .sort(
      (a, b) =>
        (a.cost ?? Infinity) - (b.cost ?? Infinity) ||
        Number(b.own) - Number(a.own) ||
        a.name.localeCompare(b.name),
    )[0];
}

/** Down to the multiple of `step` (a step of 1 or none leaves the number as it is). */
export const roundDownTo = (n: number, step: number | null) =>
  step && step > 1 ? Math.floor(n / step) * step : n;

/** Up to the next multiple of `step` (a step of 1 or none leaves the number as it is). */
export const roundUpTo = (n: number, step: number | null) =>
  step && step > 1 ? Math.ceil(n / step) * step : n;

/**
 * Whether a product belongs on the list (`needOf`) and, if so, how many to order and why, in
 * words. With the letters of `needOf`: quantity = ceil(d × (L + H)) + reorder point (kept as
 * the safety stock), at least the threshold, less s + o; at least the product's reorder
 * quantity and at least 1; for a product that expires, no more than sells in the days a
 * delivery keeps less what is on order for those days (`expiryCap`, in whole packs rounded
 * down; not listed when that is under a pack); then at least the supplier's minimum order,
 * rounded up to whole packs (pack size). L is the supplier's lead time (7 days when there is
 * no supplier, as everywhere). No money in the words: employees read them.
 */
export function suggest(
  p: StockFacts,
  demandPerDay: number,
  supplier: SupplierOption | undefined,
  criteria: Criteria,
  today: string,
  extra: {
    onOrder?: OnOrderCount;
    runsOutInDays?: number | null;
    supplierWhy?: string;
    /** What sells before a delivery expires, less what is on order (stock-cover.ts `expiryCap`). */
    expiryCap?: ExpiryCap;
  } = {},
): Suggestion | undefined {
  const onOrder = extra.onOrder ?? NOTHING_COUNTED;
  const lead = supplier?.leadTimeDays ?? DEFAULT_LEAD;
  const need = needOf(p, demandPerDay, lead, criteria, today, {
    counted: onOrder.counted.quantity,
    runsOutInDays: extra.runsOutInDays,
  });
  if (!need) return undefined;
  const threshold = criteria.lowStockThreshold;
  const target = Math.max(Math.ceil(need.needed) + p.reorderPoint, threshold ?? 0);
  let quantity = Math.max(
    target - need.stock - onOrder.counted.quantity,
    p.reorderQuantity ?? 0,
    1,
  );
  const cap = extra.expiryCap?.units;
  // What is on order already fills what can sell before it expires (or leaves less than a
  // pack): nothing more to buy now.
  if (cap !== undefined && cap < Math.max(1, p.packSize ?? 1)) return undefined;
  const capped = cap !== undefined && cap < quantity;
  // Capped, whole packs round down: more would expire unsold.
  if (capped) quantity = roundDownTo(cap, p.packSize);
  // The supplier's minimum wins over the expiry cap (it cannot be bought in fewer); said below.
  const minimum = supplier?.minOrderQuantity ?? 1;
  const overCap = capped && minimum > quantity;
  quantity = Math.max(quantity, minimum);
  quantity = roundUpTo(quantity, p.packSize);

  const parts = [p.quantity === 0 ? 'out of stock' : `${p.quantity} left`];
  const ordered = onOrderCountWords(onOrder, today);
  if (ordered) parts.push(ordered);
  if (need.expiring)
    parts.push(p.expiresAt! < today ? `expired ${p.expiresAt}` : `expires ${p.expiresAt}`);
  parts.push(demandPerDay > 0 ? `sells ${rate(demandPerDay)}` : 'no sales in 30 days');
  if (need.low && threshold !== undefined) parts.push(`under the threshold of ${threshold}`);
  else if (need.low && p.reorderPoint > 0) parts.push(`reorder point ${p.reorderPoint}`);
  const leadText = leadWords(supplier);
  if (leadText) parts.push(leadText);
  if (capped)
    parts.push(
      `at most ${cap} sell in the ${dayWords(extra.expiryCap!.shelfLifeDays)} a delivery keeps${
        overCap ? ` (${supplier!.name} sells at least ${minimum})` : ''
      }`,
    );
  if (extra.supplierWhy) parts.push(`${supplier!.name} chosen: ${extra.supplierWhy}`);
  return { suggestedQuantity: quantity, priority: need.priority, reason: reasonText(parts) };
}

/** The store's calendar day now (one definition, in core). */
export { todayIn };

/** Whole days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `YYYY-MM-DD` plus n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
