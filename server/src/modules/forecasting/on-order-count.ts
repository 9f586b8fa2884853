/**
 * Which of what is on order a need counts, and the words for all of it. Shared by reorder
 * lists, the reorder plan and the stock outlook, so each counts and says the same.
 *
 * - Counted: open lines due by the horizon (`until`), a line with no due day (it may come any
 *   day), and lines overdue by up to `OVERDUE_GRACE_DAYS` (taken as arriving today, and said:
 *   "overdue since Dec 3").
 * - Not counted, but said: lines overdue by more than that ("12 on order overdue since Oct 1,
 *   not counted: over 7 days late"): an order that late may never come, and counting it would
 *   hide the product from every reorder; and lines due after the horizon ("12 more due Jan 5,
 *   after the horizon"), which come too late for this order cycle.
 */
import { onOrderWords, shortDay, type OnOrder, type OnOrderLine } from '../purchasing/on-order';
import { addDays } from './series';

/** Days past its due day after which an open order is no longer counted as coming. */
export const OVERDUE_GRACE_DAYS = 7;

export interface OnOrderCount {
  counted: OnOrder;
  /** Overdue by more than `OVERDUE_GRACE_DAYS`. */
  overdue: OnOrder;
  /** Due after the horizon. */
  later: OnOrder;
}

const of = (lines: OnOrderLine[]): OnOrder => ({
  quantity: lines.reduce((n, l) => n + l.quantity, 0),
  lines,
});

/** The stale day: a line due before it is overdue by more than the grace days. */
const staleBefore = (today: string) => addDays(today, -OVERDUE_GRACE_DAYS);

/** What is on order less what is too late to count on (the arrivals a cover may use). */
export function stillComing(onOrder: OnOrder, today: string): OnOrder {
  const stale = staleBefore(today);
  const lines = onOrder.lines.filter((l) => l.expectedAt === null || l.expectedAt >= stale);
  return lines.length === onOrder.lines.length ? onOrder : of(lines);
}

export function countOnOrder(onOrder: OnOrder, today: string, until: string): OnOrderCount {
  const stale = staleBefore(today);
  const counted: OnOrderLine[] = [];
  const overdue: OnOrderLine[] = [];
  const later: OnOrderLine[] = [];
  for (const l of onOrder.lines) {
    if (l.expectedAt !== null && l.expectedAt < stale) overdue.push(l);
    else if (l.expectedAt !== null && l.expectedAt > until) later.push(l);
    else counted.push(l);
  }
  return { counted: of(counted), overdue: of(overdue), later: of(later) };
}

/** Units per due day, in the lines' order (soonest first as purchasing lists them). */
function byDay(onOrder: OnOrder): Array<[string, number]> {
  const days = new Map<string, number>();
  for (const l of onOrder.lines)
    days.set(l.expectedAt!, (days.get(l.expectedAt!) ?? 0) + l.quantity);
  return [...days].sort(([a], [b]) => a.localeCompare(b));
}

function overdueWords(overdue: OnOrder, more: boolean, today: string): string {
  const days = byDay(overdue);
  const since =
    days.length === 1
      ? ` since ${shortDay(days[0]![0], today)}`
      : ` (${days.map(([day, n]) => `${n} since ${shortDay(day, today)}`).join(', ')})`;
  return `${overdue.quantity} ${more ? 'more' : 'on order'} overdue${since}, not counted: over ${OVERDUE_GRACE_DAYS} days late`;
}

function laterWords(later: OnOrder, more: boolean, today: string): string {
  const days = byDay(later);
  const what = `${later.quantity} ${more ? 'more' : 'on order'}`;
  return days.length === 1
    ? `${what} due ${shortDay(days[0]![0], today)}, after the horizon`
    : `${what} due after the horizon (${days.map(([day, n]) => `${n} ${shortDay(day, today)}`).join(', ')})`;
}

/**
 * Everything on order in words, counted or not: "3 on order due Dec 8, 12 more due Jan 5,
 * after the horizon", "12 on order overdue since Oct 1, not counted: over 7 days late";
 * undefined when nothing is on order.
 */
export function onOrderCountWords(c: OnOrderCount, today: string): string | undefined {
  const parts: string[] = [];
  const counted = onOrderWords(c.counted, today);
  if (counted) parts.push(counted);
  if (c.overdue.quantity > 0) parts.push(overdueWords(c.overdue, parts.length > 0, today));
  if (c.later.quantity > 0) parts.push(laterWords(c.later, parts.length > 0, today));
  return parts.length ? parts.join(', ') : undefined;
}

const NOTHING: OnOrder = Object.freeze({ quantity: 0, lines: [] }) as OnOrder;
export const NOTHING_COUNTED: OnOrderCount = Object.freeze({
  counted: NOTHING,
  overdue: NOTHING,
  later: NOTHING,
});
