/**
 * Stock on order: the open purchase-order lines of a product, as every need Nimbus computes
 * (reorder lists, the reorder plan, the stock outlook) counts them. Pure: the purchasing
 * service loads them (`onOrderFor`), these helpers say what they mean.
 */

export interface OnOrderLine {
  purchaseOrderId: string;
  orderNumber: string;
  supplierId: string;
  status: 'pending' | 'processing' | 'shipped';
  /** Units ordered and not yet received. */
  quantity: number;
  /**
   * The store day it is due: the order's expected date, else the day it was placed plus the
   * supplier's lead time; null when neither is known.
   */
  expectedAt: string | null;
}

export interface OnOrder {
  /** Units on the lines below. */
  quantity: number;
  lines: OnOrderLine[];
}

export const NOTHING_ON_ORDER: OnOrder = Object.freeze({ quantity: 0, lines: [] }) as OnOrder;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** `YYYY-MM-DD` plus n days. */
export const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** An arrival the stock can count on: in how many days (0 when due today or overdue). */
export interface Arrival {
  inDays: number;
  quantity: number;
}

/**
 * When what is on order arrives, soonest first. A line without a due day is left out: the
 * stock cannot be counted on to last until it arrives (it still counts as on order).
 */
export function arrivalsOf(onOrder: OnOrder, today: string): Arrival[] {
  return onOrder.lines
    .filter((l) => l.expectedAt !== null)
    .map((l) => ({
      inDays: Math.max(0, dayNumber(l.expectedAt!) - dayNumber(today)),
      quantity: l.quantity,
    }))
    .sort((a, b) => a.inDays - b.inDays);
}

/** "Dec 9" (with the year when it is not this year's). */
export function shortDay(day: string, today: string): string {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
  if (day.slice(0, 4) !== today.slice(0, 4)) options.year = 'numeric';
  return new Intl.DateTimeFormat('en-US', options).format(new Date(`${day}T00:00:00Z`));
}

function dueWords(day: string | null, today: string): string {
  if (day === null) return 'no due date';
  if (day < today) return `overdue since ${shortDay(day, today)}`;
  return day === today ? 'due today' : `due ${shortDay(day, today)}`;
}

/**
 * "12 on order due Dec 9"; with several due days "20 on order (12 due Dec 9, 8 due Dec 14)";
 * undefined when nothing is on order.
 */
export function onOrderWords(onOrder: OnOrder, today: string): string | undefined {
  if (onOrder.quantity <= 0) return undefined;
  const byDay = new Map<string | null, number>();
  for (const l of onOrder.lines)
    byDay.set(l.expectedAt, (byDay.get(l.expectedAt) ?? 0) + l.quantity);
  if (byDay.size === 1) {
    const [day] = byDay.keys();
    return `${onOrder.quantity} on order${day === null ? ', ' : ' '}${dueWords(day ?? null, today)}`;
  }
  const parts = [...byDay].map(([day, n]) => `${n} ${dueWords(day, today)}`);
  return `${onOrder.quantity} on order (${parts.join(', ')})`;
}

/** What of it is due by `until` (a line with no due day counts: it may come any day). */
export function dueBy(onOrder: OnOrder, until: string): OnOrder {
  const lines = onOrder.lines.filter((l) => l.expectedAt === null || l.expectedAt <= until);
  if (lines.length === onOrder.lines.length) return onOrder;
  return { quantity: lines.reduce((n, l) => n + l.quantity, 0), lines };
}
