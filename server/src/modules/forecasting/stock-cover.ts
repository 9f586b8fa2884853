/**
 * How long stock lasts: the stock on hand at a daily demand, then each delivery on order that
 * arrives before it runs out, never beyond the product's expiry date. Pure, and shared by the
 * stock outlook (prediction), the reorder plan and reorder lists, so they all say the same.
 */
import type { Arrival, OnOrder } from '../purchasing/on-order';

export interface Cover {
  /** Days until the shelf is empty; null when nothing sells (it never runs out by demand). */
  days: number | null;
  /** What ends it: demand selling the stock, or the stock on hand expiring first. */
  limitedBy: 'demand' | 'expiry' | null;
}

export function stockCover(input: {
  stock: number;
  perDay: number;
  /** Soonest first (purchasing/on-order.ts `arrivalsOf`). */
  arrivals?: readonly Arrival[];
  /** Days from today to the stock's expiry (0 or less: expired); null when it does not expire. */
  expiresInDays?: number | null;
}): Cover {
  const { perDay } = input;
  if (!(perDay > 0)) return { days: null, limitedBy: null };
  let days = Math.max(0, input.stock) / perDay;
  // A delivery counts only when it arrives before the shelf is empty.
  for (const a of input.arrivals ?? []) {
    if (a.inDays > days) break;
    days += a.quantity / perDay;
  }
  // Never beyond the expiry date: Nimbus knows one per product, and the stock page and the
  // product list show it; what is left on the shelf then is waste, not days of stock.
  const expiry = input.expiresInDays;
  if (expiry !== undefined && expiry !== null && days > Math.max(0, expiry)) {
    return { days: Math.max(0, expiry), limitedBy: 'expiry' };
  }
  return { days, limitedBy: 'demand' };
}

/**
 * How long a delivery keeps: from the last time stock came in (a receipt, the opening stock, a
 * count up) to the expiry date of the stock on hand. Nimbus knows one expiry date per
 * product, so a new delivery is taken to keep as long as the last one did. Undefined when the
 * product does not expire or that span is unknown or not positive.
 */
export function shelfLifeDays(expiresAt: string | null, lastStockIn: string | undefined) {
  if (!expiresAt || !lastStockIn) return undefined;
  const days = Math.round((Date.parse(expiresAt) - Date.parse(lastStockIn)) / 86_400_000);
  return days > 0 ? days : undefined;
}

export interface ExpiryCap {
  /** At most this many units are worth ordering now (0: what is on order already fills it). */
  units: number;
  shelfLifeDays: number;
}

/**
 * Units worth ordering of a product that expires: what sells in the days a delivery keeps,
 * less what is on order and arrives before this delivery would expire (it sells in the same
 * days; a line with no due day counts). Undefined when the product does not expire or its
 * shelf life is unknown.
 */
export function expiryCap(input: {
  perDay: number;
  shelfLife: number | undefined;
  /** Days until a delivery ordered now arrives (the supplier's lead time). */
  leadDays: number;
  onOrder: OnOrder;
  today: string;
}): ExpiryCap | undefined {
  const { shelfLife } = input;
  if (shelfLife === undefined) return undefined;
  const until = input.leadDays + shelfLife;
  const competing = input.onOrder.lines
    .filter((l) => l.expectedAt === null || daysFrom(input.today, l.expectedAt) <= until)
    .reduce((n, l) => n + l.quantity, 0);
  const sells = Math.max(1, Math.ceil(input.perDay * shelfLife));
  return { units: Math.max(0, sells - competing), shelfLifeDays: shelfLife };
}

const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
