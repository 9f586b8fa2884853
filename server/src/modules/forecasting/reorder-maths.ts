/**
 * Inventory formulas, pure: safety stock (with the normal quantile of forecast/stats), reorder
 * point, economic order quantity, and the greedy budget allocation of a reorder plan.
 */

import { normalQuantile } from './forecast/stats';

/**
 * Standard deviation of the total demand over a lead time of L days: the forecast's own for
 * the sum (`totalSd[L − 1]`, forecast/ets-variance.ts `totalVariances`: the days' errors are
 * correlated through the model's state, so it is wider than √L days), else, with no forecast
 * (the 30-day average) or one stored before it, σ_daily · √L as for independent days. A
 * stored forecast's totals run from its start, at most two days before today.
 */
export function leadTimeSpread(
  estimate: { sigma: number; totalSd?: readonly number[] },
  leadTimeDays: number,
): number {
  const days = Math.max(0, Math.round(leadTimeDays));
  if (days === 0) return 0;
  const fromForecast = estimate.totalSd?.[days - 1];
  if (fromForecast !== undefined && Number.isFinite(fromForecast)) return fromForecast;
  return estimate.sigma * Math.sqrt(days);
}

/** Units kept against demand variability over the lead time: z · (the lead-time total's spread). */
export const safetyStock = (serviceLevel: number, leadTimeSd: number) =>
  Math.max(0, normalQuantile(serviceLevel) * leadTimeSd);

/** Reorder when stock falls to the lead time's demand plus the safety stock. */
export const reorderPoint = (dailyDemand: number, leadTimeDays: number, safety: number) =>
  Math.max(0, dailyDemand * leadTimeDays + safety);

/**
 * Economic order quantity √(2·D·S/H): D yearly demand (units), S the cost of placing an
 * order, H the yearly cost of holding one unit. 0 when nothing sells; when holding costs
 * nothing (an unknown unit cost) the formula has no answer and the caller orders its need.
 */
export function eoq(yearlyDemand: number, orderingCost: number, holdingCostPerUnit: number) {
  if (yearlyDemand <= 0) return 0;
  if (!(holdingCostPerUnit > 0)) return null;
  return Math.sqrt((2 * yearlyDemand * orderingCost) / holdingCostPerUnit);
}

export interface Candidate {
  id: string;
  /** Units wanted (0: nothing to order). */
  quantity: number;
  /** Units it needs to last until the next order could arrive and cover the review period. */
  need: number;
  unitCost: number;
  /** 0 first: out of stock or runs out before a delivery can arrive; then below the reorder point. */
  rank: number;
  /** Days of cover left divided by the lead time: below 1 it runs out before a delivery. */
  urgency: number;
  /** What ordering it is worth (the demand value it covers): the tie-breaker. */
  value: number;
}

export interface Allocation {
  quantity: number;
  /** Why not all of it: money or room ran out. */
  limitedBy: 'budget' | 'storage' | null;
}

/**
 * Greedy allocation in two passes, most pressing first (rank, then urgency, then value): the
 * first funds each candidate's need (whole units, while budget and storage last), the second
 * tops each up to all it wants. So an economic order quantity never takes the money an
 * out-of-stock item needs.
 */
export function allocate(
  candidates: readonly Candidate[],
  budget: number,
  storage: number | null,
): Map<string, Allocation> {
  const order = [...candidates]
    .filter((c) => c.quantity > 0)
    .sort((a, b) => a.rank - b.rank || a.urgency - b.urgency || b.value - a.value);
  let money = budget;
  let room = storage ?? Infinity;
  const given = new Map<string, number>();
  const short = new Map<string, 'budget' | 'storage'>();
  const fund = (c: Candidate, upTo: number) => {
    const has = given.get(c.id) ?? 0;
    const more = Math.max(0, upTo - has);
    if (!more) return;
    const byMoney = c.unitCost > 0 ? Math.floor((money + 1e-9) / c.unitCost) : Infinity;
    const units = Math.max(0, Math.min(more, byMoney, Math.floor(room)));
    if (units < more) short.set(c.id, byMoney <= room ? 'budget' : 'storage');
    money -= units * c.unitCost;
    room -= units;
    given.set(c.id, has + units);
  };
  for (const c of order) fund(c, Math.min(c.quantity, Math.max(1, c.need)));
  for (const c of order) fund(c, c.quantity);
  const out = new Map<string, Allocation>();
  for (const c of order) {
    const quantity = given.get(c.id) ?? 0;
    out.set(c.id, {
      quantity,
      limitedBy: quantity >= c.quantity ? null : (short.get(c.id) ?? null),
    });
  }
  return out;
}
