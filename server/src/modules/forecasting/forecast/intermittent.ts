/**
 * Intermittent demand (most periods zero): Croston's method with the Syntetos-Boylan
 * bias correction (SBA) and Teunter-Syntetos-Babai (TSB, which also follows a chance of a
 * sale that drifts, e.g. a product fading out). Both forecast a flat demand rate; the
 * interval comes from the period's demand distribution (zero with 1 − p, else a size drawn
 * from the item's observed sizes), so it is never negative.
 */
import { backtestPairs, type BacktestPlan } from './backtest';
import { mean } from './stats';

export type IntermittentMethod = 'croston_sba' | 'tsb';

export interface IntermittentFit {
  method: IntermittentMethod;
  alpha: number;
  /** TSB's smoothing of the chance of a sale (0 for SBA). */
  beta: number;
  /** Demand rate per period the model ends on (flat over the horizon). */
  rate: number;
  /** Mean size of a non-zero period and the chance of one. */
  size: number;
  probability: number;
  /** Root mean squared one-step error in the sample. */
  sigma: number;
}

/** Share of zero periods and the average inter-demand interval (ADI). */
export function intermittency(y: readonly number[]) {
  const nonZero = y.filter((v) => v > 0).length;
  return {
    zeroShare: y.length ? 1 - nonZero / y.length : 1,
    adi: nonZero ? y.length / nonZero : Infinity,
    nonZero,
  };
}

/** Syntetos-Boylan's cut-off: an average inter-demand interval above it is intermittent or lumpy demand. */
const INTERMITTENT_ADI = 1.32;
/** Intermittent demand, where smoothing the level fails and Croston-type methods take over. */
export const isIntermittent = (y: readonly number[]) => intermittency(y).adi > INTERMITTENT_ADI;

/** The smoothing grids searched (Croston-type fits are flat in α: a grid is enough and exact to repeat). */
const ALPHAS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4];
const BETAS = [0.02, 0.05, 0.1, 0.2, 0.3];

/** Where both methods start: the mean size of a sale and how many periods have one (worked out once per series). */
function startOf(y: readonly number[]) {
  let total = 0;
  let sales = 0;
  for (const v of y)
    if (v > 0) {
      total += v;
      sales++;
    }
  return { size: sales ? total / sales : 0, sales };
}
type Start = ReturnType<typeof startOf>;

function runSba(y: readonly number[], alpha: number, start: Start = startOf(y)) {
  let z = start.size;
  let x = start.sales ? y.length / start.sales : 1;
  let q = 1;
  let sse = 0;
  for (const v of y) {
    const f = ((1 - alpha / 2) * z) / x;
    sse += (v - f) * (v - f);
    if (v > 0) {
      z += alpha * (v - z);
      x += alpha * (q - x);
      q = 1;
    } else q++;
  }
  const rate = ((1 - alpha / 2) * z) / x;
  return { sse, rate, size: z, probability: Math.min(1, 1 / x) };
}

function runTsb(y: readonly number[], alpha: number, beta: number, start: Start = startOf(y)) {
  let z = start.size;
  let p = y.length ? start.sales / y.length : 0;
  let sse = 0;
  for (const v of y) {
    const f = p * z;
    sse += (v - f) * (v - f);
    p += beta * ((v > 0 ? 1 : 0) - p);
    if (v > 0) z += alpha * (v - z);
  }
  return { sse, rate: p * z, size: z, probability: p };
}

/** Fits SBA (α by grid search on the one-step SSE). */
export function fitSba(y: readonly number[]): IntermittentFit {
  const start = startOf(y);
  let best = { alpha: ALPHAS[0]!, r: runSba(y, ALPHAS[0]!, start) };
  for (const alpha of ALPHAS.slice(1)) {
    const r = runSba(y, alpha, start);
    if (r.sse < best.r.sse) best = { alpha, r };
  }
  const { r } = best;
  return {
    method: 'croston_sba',
    alpha: best.alpha,
    beta: 0,
    rate: r.rate,
    size: r.size,
    probability: r.probability,
    sigma: Math.sqrt(r.sse / Math.max(1, y.length)),
  };
}

/** Fits TSB (α, β by grid search on the one-step SSE). */
export function fitTsb(y: readonly number[]): IntermittentFit {
  const start = startOf(y);
  let best = { alpha: 0, beta: 0, r: { sse: Infinity, rate: 0, size: 0, probability: 0 } };
  for (const alpha of ALPHAS)
    for (const beta of BETAS) {
      const r = runTsb(y, alpha, beta, start);
      if (r.sse < best.r.sse) best = { alpha, beta, r };
    }
  const { r } = best;
  return {
    method: 'tsb',
    alpha: best.alpha,
    beta: best.beta,
    rate: r.rate,
    size: r.size,
    probability: r.probability,
    sigma: Math.sqrt(r.sse / Math.max(1, y.length)),
  };
}

/**
 * Central interval of one period's demand: zero with probability 1 − p, otherwise one of
 * the observed sizes (rescaled to the model's mean). When zero alone holds the lower tail,
 * the interval is [0, q(level)], the shortest one that still holds `level` of the mass.
 * Quantiles are the inverse CDF (a discrete demand cannot be covered at exactly `level`).
 */
export function intermittentInterval(y: readonly number[], rate: number, level: number) {
  const sizes = y.filter((v) => v > 0).sort((a, b) => a - b);
  if (!sizes.length || rate <= 0) return { lower: 0, upper: 0 };
  const avg = mean(sizes);
  const p = Math.min(1, rate / avg);
  const quantile = (q: number) => {
    if (q <= 1 - p) return 0;
    const within = (q - (1 - p)) / p;
    return sizes[Math.min(sizes.length - 1, Math.max(0, Math.ceil(within * sizes.length) - 1))]!;
  };
  const tail = (1 - level) / 2;
  if (1 - p >= tail) return { lower: 0, upper: quantile(level) };
  return { lower: quantile(tail), upper: quantile(1 - tail) };
}

/** Variance of one period's demand at `rate`: a sale with chance p, of one of the sizes seen. */
export function periodVariance(y: readonly number[], rate: number): number {
  const sizes = y.filter((v) => v > 0);
  if (!sizes.length || rate <= 0) return 0;
  const avg = mean(sizes);
  const p = Math.min(1, rate / avg);
  const scale = rate / (p * avg);
  const second = mean(sizes.map((v) => (v * scale) ** 2));
  return Math.max(0, p * second - rate * rate);
}

/** The demand rate a fit's parameters end on after running over other data. */
export function rerunIntermittent(fit: IntermittentFit, y: readonly number[]): number {
  return fit.method === 'tsb' ? runTsb(y, fit.alpha, fit.beta).rate : runSba(y, fit.alpha).rate;
}

/**
 * The one model-selection rule for intermittent demand (forecasts and anomalies alike): SBA
 * and TSB are each fitted on the history before the backtest window, re-run up to each
 * origin, and the one with the lower held-out RMSE wins.
 */
export function chooseIntermittent(y: readonly number[], plan: BacktestPlan) {
  const train = y.slice(0, plan.train);
  const trials = [fitSba, fitTsb].map((fitOn) => {
    const trained = fitOn(train);
    const pairs = backtestPairs(y, plan, (o, h) =>
      new Array<number>(h).fill(rerunIntermittent(trained, y.slice(0, o))),
    );
    const rmse = Math.sqrt(
      pairs.reduce((s, p) => s + (p.actual - p.predicted) ** 2, 0) / Math.max(1, pairs.length),
    );
    return { fitOn, trained, pairs, rmse };
  });
  trials.sort((a, b) => a.rmse - b.rmse);
  return { winner: trials[0]!, other: trials[1]! };
}
