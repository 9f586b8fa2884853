/**
 * How long stock lasts: the stock on hand at a daily demand, then each delivery on order that
 * arrives before the shelf is empty. Pure, and shared by the stock outlook (prediction), the
 * reorder plan and reorder lists, so they all say the same.
 *
 * Nimbus knows one expiry date per product: the stock on hand's. Each delivery keeps its own
 * days from when it arrives (`deliveryKeepsDays`, stock-cover's `shelfLifeDays`; unknown: it is
 * taken to keep). Stock sells soonest-expiring first; what expires unsold is waste, not days of
 * stock. So the stock on hand's expiry cuts the days short only when the stock on hand is still
 * on the shelf then and nothing else is.
 */
import type { Arrival, OnOrder } from '../purchasing/on-order';

export interface Cover {
  /** Days until the shelf is empty; null when nothing sells (it never runs out by demand). */
  days: number | null;
  /** What empties the shelf: demand selling the last units, or the last units expiring. */
  limitedBy: 'demand' | 'expiry' | null;
  /** With `limitedBy: 'expiry'`: whose expiry, the stock on hand's or a delivery's. */
  expiringStock: 'on_hand' | 'delivery' | null;
  /** Part of the stock on hand expires before it sells (whatever empties the shelf). */
  onHandExpiresUnsold: boolean;
}

interface Lot {
  quantity: number;
  /** Day it is on the shelf from, and the day it expires (Infinity: not known to). */
  from: number;
  expires: number;
  onHand: boolean;
}

const EPSILON = 1e-9;

export function stockCover(input: {
  stock: number;
  perDay: number;
  /** Soonest first (purchasing/on-order.ts `arrivalsOf`). */
  arrivals?: readonly Arrival[];
  /** Days from today to the stock on hand's expiry (0 or less: expired); null: it does not expire. */
  expiresInDays?: number | null;
  /** Days a delivery keeps from its arrival; undefined when not known. */
  deliveryKeepsDays?: number;
}): Cover {
  const { perDay } = input;
  const none = { expiringStock: null, onHandExpiresUnsold: false };
  if (!(perDay > 0)) return { days: null, limitedBy: null, ...none };
  const expiry = input.expiresInDays ?? null;
  const keeps = input.deliveryKeepsDays ?? Infinity;
  const pending: Lot[] = (input.arrivals ?? []).map((a) => ({
    quantity: a.quantity,
    from: a.inDays,
    expires: a.inDays + keeps,
    onHand: false,
  }));
  const shelf: Lot[] = [
    {
      quantity: Math.max(0, input.stock),
      from: 0,
      expires: expiry === null ? Infinity : Math.max(0, expiry),
      onHand: true,
    },
  ];
  let now = 0;
  let onHandExpiresUnsold = false;
  let last: Lot = shelf[0]!;
  let lastEnd: 'demand' | 'expiry' = 'demand';
  for (;;) {
    // A delivery counts only when it arrives before the shelf is empty (or the moment it is).
    while (pending.length && pending[0]!.from <= now + EPSILON) shelf.push(pending.shift()!);
    for (let i = shelf.length - 1; i >= 0; i--) {
      const lot = shelf[i]!;
      if (lot.quantity <= EPSILON) shelf.splice(i, 1);
      else if (lot.expires <= now + EPSILON) {
        if (lot.onHand) onHandExpiresUnsold = true;
        [last, lastEnd] = [lot, 'expiry'];
        shelf.splice(i, 1);
      }
    }
    if (!shelf.length) break;
    // The soonest-expiring lot sells first, until it is sold, it expires, or a delivery comes.
    shelf.sort((a, b) => a.expires - b.expires);
    const lot = shelf[0]!;
    const soldOut = now + lot.quantity / perDay;
    const next = Math.min(soldOut, lot.expires, pending[0]?.from ?? Infinity);
    lot.quantity -= (next - now) * perDay;
    now = next;
    if (lot.quantity <= EPSILON) [last, lastEnd] = [lot, 'demand'];
  }
  return {
    days: now,
    limitedBy: lastEnd,
    expiringStock: lastEnd === 'expiry' ? (last.onHand ? 'on_hand' : 'delivery') : null,
    onHandExpiresUnsold,
  };
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
