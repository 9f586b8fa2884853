/**
 * A lasting change of demand (a level shift: a new competitor, a listing lost or won) found
 * in the history, so that the model is fitted, and its intervals calibrated, on the periods
 * since: the shift's first days, which any smoothing model gets badly wrong, would otherwise
 * inflate its error variance and widen every interval after it (80% intervals covered 92% of
 * the bench's level-shift days), and its smoothing parameters would be those that best
 * follow a jump rather than the demand as it is now.
 *
 * The test is the classic one for a break at an unknown date (Quandt's likelihood-ratio,
 * Andrews 1993): on the demand with the fitted model's season taken out, each candidate date
 * τ is tried as a step in a regression on a constant and a linear trend, d_t = a + b·t +
 * δ·[t ≥ τ] + ε_t, and the largest F statistic of the step, F = (SSE₀ − SSE₁)/(SSE₁/(n − 3)),
 * decides. A linear trend alone is no break.
 */
import { isSeasonal } from './ets';
import type { EtsFit } from './ets-fit';

/**
 * F the step must pass. Andrews' 1% critical value for one break at an unknown date (15%
 * trimmed) is about 12 for independent errors; daily demand's errors are autocorrelated and
 * its trends not quite straight, which inflate F, so this asks for well over twice that (a
 * shift of three noise standard deviations over a month of days has F near 200).
 */
const BREAK_F = 30;
/** The step must also move the level by at least this fraction: smaller changes are left to the smoothing. */
const MIN_CHANGE = 0.1;
/** Share of the periods at the start of the history a break is never placed in (Andrews' trimming). */
const TRIM = 0.15;
/** Fewest periods after a candidate date (a week of days: fewer say too little about a new level). */
const MIN_TAIL = 7;

export interface LevelShift {
  /** First period of the new level. */
  at: number;
  /** The step as a fraction of the level before it (0.4 = +40%). */
  change: number;
}

/** The demand with the fitted model's seasonal effects taken out (NaN stays NaN). */
function deseasoned(y: readonly number[], fit: EtsFit): number[] {
  if (!isSeasonal(fit.spec)) return [...y];
  const season = fit.final.season;
  return y.map((v, t) => {
    const s = season[t % fit.m]!;
    return fit.spec.season === 'M' ? (s > 0 ? v / s : v) : v - s;
  });
}

/** Row width of the augmented systems `solve` takes (3 unknowns and the right side). */
const WIDTH = 4;

/**
 * Solves a small linear system (2×2, 3×3) by Gaussian elimination, in place: `ab` holds row r
 * of the matrix at ab[r·WIDTH …] and its right side at ab[r·WIDTH + n]; the solution goes to
 * `x`. False when singular. (Reused buffers: levelShift solves one system per candidate date.)
 */
function solve(n: number, ab: Float64Array, x: Float64Array): boolean {
  for (let c = 0; c < n; c++) {
    const pivot = ab[c * WIDTH + c]!;
    if (Math.abs(pivot) < 1e-12) return false;
    for (let r = c + 1; r < n; r++) {
      const f = ab[r * WIDTH + c]! / pivot;
      for (let k = c; k <= n; k++) ab[r * WIDTH + k]! -= f * ab[c * WIDTH + k]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let v = ab[r * WIDTH + n]!;
    for (let k = r + 1; k < n; k++) v -= ab[r * WIDTH + k]! * x[k]!;
    x[r] = v / ab[r * WIDTH + r]!;
  }
  return true;
}

/**
 * The most likely date of a lasting level shift in y, if the step passes BREAK_F and
 * MIN_CHANGE and at least `minAfter` periods follow it (a fit needs them); else null. `fit` supplies the
 * season to take out. O(n): running sums give each candidate's regression in constant time.
 */
export function levelShift(
  y: readonly number[],
  fit: EtsFit,
  { minAfter }: { minAfter: number },
): LevelShift | null {
  const d = deseasoned(y, fit);
  const n = d.length;
  const scale = Math.max(1, n);
  // suffix sums over observed periods of 1, t, d, t·d (t scaled to 0..1 for conditioning)
  const count = new Array<number>(n + 1).fill(0);
  const st = new Array<number>(n + 1).fill(0);
  const sd = new Array<number>(n + 1).fill(0);
  for (let t = n - 1; t >= 0; t--) {
    const seen = !Number.isNaN(d[t]!);
    count[t] = count[t + 1]! + (seen ? 1 : 0);
    st[t] = st[t + 1]! + (seen ? t / scale : 0);
    sd[t] = sd[t + 1]! + (seen ? d[t]! : 0);
  }
  let stt = 0;
  let std = 0;
  let sdd = 0;
  for (let t = 0; t < n; t++)
    if (!Number.isNaN(d[t]!)) {
      stt += (t / scale) ** 2;
      std += (t / scale) * d[t]!;
      sdd += d[t]! ** 2;
    }
  const N = count[0]!;
  if (N < 10) return null;
  const ab = new Float64Array(3 * WIDTH);
  const x = new Float64Array(3);
  ab.set([N, st[0]!, sd[0]!, 0, st[0]!, stt, std, 0]);
  if (!solve(2, ab, x)) return null;
  const sse0 = sdd - x[0]! * sd[0]! - x[1]! * std;
  let best: { at: number; f: number; step: number; before: number } | null = null;
  // every date but the last MIN_TAIL periods is a candidate: the break is dated first, and
  // then judged too recent when fewer than `minAfter` periods follow it (a step tried only
  // up to n − minAfter would date a recent shift at the earliest date allowed)
  for (let tau = Math.ceil(TRIM * n); tau <= n - MIN_TAIL; tau++) {
    const after = count[tau]!;
    if (after < 2 || after > N - 2) continue;
    ab[0] = N;
    ab[1] = st[0]!;
    ab[2] = after;
    ab[3] = sd[0]!;
    ab[4] = st[0]!;
    ab[5] = stt;
    ab[6] = st[tau]!;
    ab[7] = std;
    ab[8] = after;
    ab[9] = st[tau]!;
    ab[10] = after;
    ab[11] = sd[tau]!;
    if (!solve(3, ab, x)) continue;
    const sse1 = sdd - x[0]! * sd[0]! - x[1]! * std - x[2]! * sd[tau]!;
    const f = ((sse0 - sse1) * (N - 3)) / Math.max(sse1, 1e-12);
    // (the level just before the break: the line's value there)
    if (!best || f > best.f)
      best = { at: tau, f, step: x[2]!, before: x[0]! + x[1]! * (tau / scale) };
  }
  if (!best || best.f < BREAK_F || n - best.at < minAfter) return null;
  const change = best.before > 0 ? best.step / best.before : 0;
  return Math.abs(change) >= MIN_CHANGE ? { at: best.at, change } : null;
}
