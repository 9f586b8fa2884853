/**
 * Inventory formulas, pure: the normal quantile for a service level, safety stock, reorder
 * point, economic order quantity, and the greedy budget allocation of a reorder plan.
 */

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.15e-9 over
// (0, 1), far finer than any service level needs). A dozen lines instead of a statistics
// dependency; the coefficients are Acklam's published ones.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

const poly = (c: readonly number[], x: number) => c.reduce((acc, k) => acc * x + k, 0);

/** z such that P(Z ≤ z) = p, for 0 < p < 1 (0.95 → 1.645). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be between 0 and 1');
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return (poly(A, r) * q) / (poly(B, r) * r + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -poly(C, q) / (poly(D, q) * q + 1);
}

/** Units kept against demand variability over the lead time: z · σ_daily · √L. */
export const safetyStock = (serviceLevel: number, sigmaDaily: number, leadTimeDays: number) =>
  Math.max(0, normalQuantile(serviceLevel) * sigmaDaily * Math.sqrt(Math.max(0, leadTimeDays)));

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
