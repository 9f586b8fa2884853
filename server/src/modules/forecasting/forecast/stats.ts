/** Small numeric helpers shared by the forecasting maths. */

export function sum(xs: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i]!;
  return total;
}
export const mean = (xs: readonly number[]) => (xs.length ? sum(xs) / xs.length : 0);

/** Linear-interpolated quantile of a sorted array (type 7, as R's default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const pos = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.15e-9 over
// (0, 1), far finer than any interval or service level needs); his published coefficients.
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
/** Below this p (and above 1 − p) the tail approximation takes over from the central one. */
const P_LOW = 0.02425;

const poly = (c: readonly number[], x: number) => c.reduce((acc, k) => acc * x + k, 0);

/** z such that P(Z ≤ z) = p, for 0 < p < 1 (0.95 → 1.645); the one normal quantile of the app. */
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

/** mulberry32: a small, fast, well-mixed 32-bit PRNG returning [0, 1) (simulations, generated series). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box-Muller) from a uniform source. */
export function gaussian(uniform: () => number): () => number {
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** Logistic squash used to map the optimiser's free variables into (0, 1). */
export const squash = (u: number) => 1 / (1 + Math.exp(-u));
export const unsquash = (p: number) => Math.log(p / (1 - p));

/**
 * Student-t quantile by the Cornish-Fisher expansion around the normal one (Abramowitz &
 * Stegun 26.7.5; within 1% for df ≥ 3). Widens short series' intervals for the error
 * variance being estimated from few periods.
 */
export function studentQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  if (!Number.isFinite(df) || df > 1e6) return z;
  const v = Math.max(df, 2);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * v) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v ** 3)
  );
}
