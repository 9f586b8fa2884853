import { dayWords } from '../forecasting/lead-times';
import { addDays, daysBetween } from '../forecasting/series';
import type { Criteria } from './shopping-lists.schemas';
import type { Priority, StockFacts, SupplierOption } from './suggestion';

/*
 * Whether a product is due and how pressing, and the words every reorder reason shares: one
 * rule for reorder lists (suggestion.ts) and the reorder plan (through assess.ts).
 */

/** Why a product is due, before any quantity: the one rule lists and the reorder plan share. */
export interface Need {
  priority: Priority;
  /** Stock and what is on order at or below the reorder point (or under the threshold). */
  low: boolean;
  /** Demand over the lead time and the days ahead is more than stock and what is on order. */
  short: boolean;
  expiring: boolean;
  /** Stock that counts: only what sells before it expires, when it is expiring. */
  stock: number;
  /** Units demand takes over the lead time and the days ahead. */
  needed: number;
}

/** The longest a reason may be (the column's limit). */
const REASON_MAX = 500;

/**
 * Whether a product is due and how pressing it is. With L the lead time (`lead`), H
 * `daysAhead`, d the daily demand, s the stock (only what sells before it expires, when it
 * expires within the horizon) and o what is on order and counted (on-order-count.ts: due
 * within L + H, not long overdue), the position s + o:
 *
 * - due when the position ≤ reorder point (or < lowStockThreshold when given), when
 *   d × (L + H) > s + o, or (includeExpiring) when the stock expires within the expiry horizon;
 * - urgent when out of stock or it sells out before the supplier can deliver
 *   (`runsOutInDays` < L, deliveries still coming counted; else s < d × L); high when at or
 *   below its reorder point or threshold; medium when it sells out within the horizon; low
 *   otherwise (only expiring stock brought it here).
 */
export function needOf(
  p: StockFacts,
  demandPerDay: number,
  lead: number,
  criteria: Pick<Criteria, 'daysAhead' | 'includeExpiring' | 'lowStockThreshold'>,
  today: string,
  c: { counted: number; runsOutInDays?: number | null },
): Need | undefined {
  const horizon = lead + criteria.daysAhead;
  const expiryDays =
    criteria.includeExpiring === true ? horizon : criteria.includeExpiring || undefined;
  const expiring =
    expiryDays !== undefined && p.expiresAt !== null && p.expiresAt <= addDays(today, expiryDays);
  const threshold = criteria.lowStockThreshold;
  const position = p.quantity + c.counted;
  const low = threshold !== undefined ? position < threshold : position <= p.reorderPoint;
  // Expiring stock counts only for what sells before it expires.
  const stock = expiring
    ? Math.min(p.quantity, Math.floor(demandPerDay * Math.max(0, daysBetween(today, p.expiresAt!))))
    : p.quantity;
  const needed = demandPerDay * horizon;
  const short = needed > stock + c.counted;
  if (!low && !short && !expiring) return undefined;
  const runsOutFirst =
    c.runsOutInDays !== undefined
      ? c.runsOutInDays !== null && c.runsOutInDays < lead
      : stock < demandPerDay * lead;
  const priority: Priority =
    p.quantity === 0 || runsOutFirst ? 'urgent' : low ? 'high' : short ? 'medium' : 'low';
  return { priority, low, short, expiring, stock, needed };
}

/** The supplier's lead time in words: "supplier needs 3 days", or that it is not known. */
export function leadWords(supplier: SupplierOption | undefined): string | undefined {
  if (!supplier) return 'no supplier known';
  if (supplier.leadTimeSource === 'default')
    return `lead time not known: ${dayWords(supplier.leadTimeDays)} assumed`;
  return supplier.leadTimeDays > 0
    ? `supplier needs ${dayWords(supplier.leadTimeDays)}`
    : undefined;
}

/** Words joined into a reason: capitalised, and within the column's 500 characters. */
export function reasonText(parts: readonly string[]): string {
  const reason = parts.join(', ');
  const text = reason[0]!.toUpperCase() + reason.slice(1);
  return text.length <= REASON_MAX ? text : `${text.slice(0, REASON_MAX - 1)}…`;
}
