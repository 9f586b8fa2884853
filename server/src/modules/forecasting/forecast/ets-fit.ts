/**
 * Fitting one ETS model: initial states from a classical decomposition of the first seasons
 * (not optimised: keeps a fit near a millisecond), smoothing parameters by Nelder-Mead on the
 * likelihood, and the AICc that ranks the models.
 *
 * Likelihood (Hyndman et al. 2008, §5.2; R forecast's etscalc.c): with e_t = y_t − ŷ_t for
 * additive errors and e_t = (y_t − ŷ_t)/ŷ_t for multiplicative ones, −2 log L is, up to a
 * constant shared by every model, n·log(Σe²/n) + (multiplicative errors only) 2·Σlog|ŷ_t|.
 * The second term is what puts the two error kinds on one scale, so AICc compares them.
 */
import {
  cloneState,
  isSeasonal,
  needsPositive,
  step,
  stepModel,
  type EtsModel,
  type EtsParams,
  type EtsSpec,
  type EtsState,
} from './ets';
import { nelderMead } from './nelder-mead';
import { mean, squash, unsquash } from './stats';

export interface EtsFit extends EtsModel {
  /** The optimiser's solution (squashed parameters, free states): a start for a related model. */
  solution: number[];
  init: EtsState;
  final: EtsState;
  /** Σ(y − ŷ)² in units, whatever the error kind. */
  sse: number;
  n: number;
  /** Estimated quantities: smoothing parameters, initial states and the error variance. */
  k: number;
  aicc: number;
  /** Standard deviation of the one-step errors in units, √(SSE / (n − k)). */
  sigma: number;
  /** The model's error variance: units² for additive errors, relative (ε = e/ŷ) for multiplicative. */
  variance: number;
}

/**
 * Seasons of history the initial level and seasonal effects are estimated from. The
 * textbook's heuristic uses 2–4; the states are not optimised here (R's `ets` does), and
 * with γ near 0 the initial seasonal effects are what every forecast carries: eight weeks
 * rather than four leave each weekday's effect √2 less noisy (mean MASE on the bench's
 * smooth series 0.75 → 0.74, level shifts 0.72 → 0.71).
 */
const INITIAL_SEASONS = 8;
/** Periods the initial level and trend come from when there is no season. */
const INITIAL_PERIODS = 10;
/** Smoothing parameters stay inside (ε, 1 − ε) as R's `ets` bounds them (1e-4). */
const PARAMETER_FLOOR = 1e-4;
/** Damping between 0.8 and 0.98 (R's default bounds: below 0.8 the trend is gone at once). */
const PHI_LOW = 0.8;
const PHI_HIGH = 0.98;
/** Short weekly or monthly series (≤ this many periods, no season) also fit their initial level and trend. */
const FREE_STATES_MAX_LENGTH = 60;
/** Nelder-Mead's first step in the squashed parameters and its relative stopping tolerance. */
const OPTIMISER = { step: 1.5, tolerance: 1e-4 };
/** …and from a related model's solution: a smaller first step, as the optimum is near. */
const WARM_OPTIMISER = { step: 0.5, tolerance: 1e-4 };
/** Starting values: α 0.2, β 0.1·α, γ 0.1·(1 − α), φ halfway in its range. */
const START = { alpha: 0.2, beta: 0.1, gamma: 0.1, phi: 0.5 };
/** A perfectly flat series has SSE 0: this fraction of Σy² per period keeps the logarithm finite. */
const SSE_FLOOR = 1e-8;

/** Least-squares slope of a line through the observed (not NaN) periods of x, 0 with fewer than two. */
function slope(x: readonly number[]): number {
  let n = 0;
  let st = 0;
  let sx = 0;
  for (let t = 0; t < x.length; t++)
    if (!Number.isNaN(x[t]!)) {
      n++;
      st += t;
      sx += x[t]!;
    }
  if (n < 2) return 0;
  const tm = st / n;
  const xm = sx / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < x.length; t++)
    if (!Number.isNaN(x[t]!)) {
      sxy += (t - tm) * (x[t]! - xm);
      sxx += (t - tm) * (t - tm);
    }
  return sxx ? sxy / sxx : 0;
}

/**
 * Initial states: seasonal effects from the first (up to) INITIAL_SEASONS seasons (moving-
 * average detrending, mean deviations or ratios), the level from their mean with the season
 * taken out, and the slope from a line through the whole history with the season taken out:
 * with β near 0 the initial slope is what a trended forecast carries, and a line through 26
 * weeks is far steadier than one through the first few (trended weekly series 0.78 → 0.74;
 * where the slope changed, β and a fitted damping take over from it).
 */
export function initialStates(y: readonly number[], spec: EtsSpec, m: number): EtsState {
  const multiplicative = spec.season === 'M';
  const season = new Array<number>(m).fill(multiplicative ? 1 : 0);
  const k = Math.min(y.length, isSeasonal(spec) ? INITIAL_SEASONS * m : INITIAL_PERIODS);
  // a missing period (NaN) in the first seasons takes the mean of the others
  const seen = y.slice(0, k).filter((v) => !Number.isNaN(v));
  const filler = mean(seen);
  const head = y.slice(0, k).map((v) => (Number.isNaN(v) ? filler : v));
  if (isSeasonal(spec) && m > 1 && k >= 2 * m) {
    const half = Math.floor(m / 2);
    const dev = new Array<number>(m).fill(0);
    const cnt = new Array<number>(m).fill(0);
    // running sums make each centred moving average O(1)
    const prefix = [0];
    for (const v of head) prefix.push(prefix[prefix.length - 1]! + v);
    const avg = (from: number, to: number) => (prefix[to]! - prefix[from]!) / (to - from);
    for (let t = half; t + half < k; t++) {
      // centred moving average (a 2×m one when m is even)
      const ma =
        m % 2
          ? avg(t - half, t + half + 1)
          : (avg(t - half, t + half) + avg(t - half + 1, t + half + 1)) / 2;
      dev[t % m]! += multiplicative ? head[t]! / ma : head[t]! - ma;
      cnt[t % m]! += 1;
    }
    for (let j = 0; j < m; j++) season[j] = cnt[j] ? dev[j]! / cnt[j]! : multiplicative ? 1 : 0;
    const centre = mean(season);
    for (let j = 0; j < m; j++)
      season[j] = multiplicative ? season[j]! / centre : season[j]! - centre;
  }
  const deseason = (v: number, t: number) =>
    multiplicative ? v / season[t % m]! : spec.season === 'A' ? v - season[t % m]! : v;
  let level = mean(head.map(deseason));
  let trend = 0;
  if (spec.trend !== 'N' && head.length >= 2) {
    trend = slope(y.map(deseason));
    // state "before" period 0: the first periods' mean moved back along the slope to t = −1
    level -= trend * ((head.length - 1) / 2 + 1);
  }
  return { level, trend, season, t: 0 };
}

export interface FilterRun {
  /** −2 log L up to a constant (Infinity when a multiplicative model meets ŷ ≤ 0). */
  criterion: number;
  /** Σ(y − ŷ)² in units and Σe² in the error's own scale. */
  sse: number;
  errorSquares: number;
  state: EtsState;
}

/** Periods with an observation (missing ones are NaN). */
export function observedCount(y: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i]!)) n++;
  return n;
}

/** The smallest error sum of squares the likelihood takes (see SSE_FLOOR): computed once per series. */
export function sseFloor(y: readonly number[], relative: boolean): number {
  const n = Math.max(1, observedCount(y));
  if (relative) return SSE_FLOOR * n;
  let squares = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i]!)) squares += y[i]! * y[i]!;
  return SSE_FLOOR * (1 + squares / n) * n;
}

/** Runs the filter over y from `init` (not changed); `floor` from `sseFloor`, `observed` from `observedCount`. */
export function runFilter(
  y: readonly number[],
  model: EtsModel,
  init: EtsState,
  floor = sseFloor(y, model.spec.error === 'M'),
  observed = observedCount(y),
): FilterRun {
  const state = cloneState(init);
  const relative = model.spec.error === 'M';
  const positive = needsPositive(model.spec);
  const k = stepModel(model);
  let sse = 0;
  let errorSquares = 0;
  let logSum = 0;
  for (let i = 0; i < y.length; i++) {
    const yhat = step(state, y[i]!, k);
    if (positive && !(yhat > 0))
      return { criterion: Infinity, sse: Infinity, errorSquares: Infinity, state };
    // a missing period adds nothing to the likelihood
    if (Number.isNaN(y[i]!)) continue;
    const e = y[i]! - yhat;
    sse += e * e;
    if (relative) {
      errorSquares += (e / yhat) ** 2;
      logSum += Math.log(yhat);
    } else errorSquares += e * e;
  }
  const n = Math.max(1, observed);
  const criterion = n * Math.log(Math.max(errorSquares, floor) / n) + 2 * logSum;
  return { criterion, sse, errorSquares, state };
}

/** Standard deviation of the observed periods (n of them): the free states' scale. */
function observedSpread(y: readonly number[], n: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i]!)) total += y[i]!;
  const average = total / Math.max(1, n);
  let squares = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i]!)) squares += (y[i]! - average) ** 2;
  return Math.max(1e-9, Math.sqrt(squares / Math.max(1, n)));
}

function decode(spec: EtsSpec, u: readonly number[]): EtsParams {
  let i = 0;
  const span = 1 - 2 * PARAMETER_FLOOR;
  const alpha = PARAMETER_FLOOR + span * squash(u[i++]!);
  const beta = spec.trend === 'N' ? 0 : alpha * squash(u[i++]!);
  const gamma = isSeasonal(spec) ? (1 - alpha) * squash(u[i++]!) : 0;
  const phi = spec.trend === 'Ad' ? PHI_LOW + (PHI_HIGH - PHI_LOW) * squash(u[i++]!) : 1;
  return { alpha, beta, gamma, phi };
}

export function parameterCount(spec: EtsSpec, m: number): number {
  const trend = spec.trend === 'N' ? 0 : 1;
  const seasonal = isSeasonal(spec);
  const smoothing = 1 + trend + (seasonal ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  const states = 1 + trend + (seasonal ? m - 1 : 0);
  return smoothing + states + 1;
}

export interface FitOptions {
  /**
   * Where the optimiser starts: the solution of the same trend and season with the other
   * error kind, whose optimum is usually close (then it starts with a smaller step).
   */
  start?: readonly number[];
}

/**
 * Fits one model to y, or null when y is shorter than its states or a multiplicative model
 * meets a period without demand; the AICc is Infinity when y is too short for it (such a fit
 * can still serve a backtest, never a model selection).
 */
export function fitEts(
  y: readonly number[],
  spec: EtsSpec,
  m: number,
  options: FitOptions = {},
): EtsFit | null {
  const n = observedCount(y);
  const k = parameterCount(spec, m);
  if (n < k - 1 || (isSeasonal(spec) && y.length < 2 * m)) return null;
  if (needsPositive(spec) && y.some((v) => v <= 0)) return null; // (NaN ≤ 0 is false)
  const heuristic = initialStates(y, spec, m);
  // Short weekly or monthly series also fit their initial level and trend (a few noisy first
  // periods would otherwise set them: mean MASE 0.92 → 0.80 on the bench's weekly trends).
  // Daily and long series keep the heuristic: no gain there, and 5× the time.
  const freeStates =
    m <= 1 && y.length <= FREE_STATES_MAX_LENGTH ? (spec.trend === 'N' ? 1 : 2) : 0;
  const spread = freeStates ? observedSpread(y, n) : 0;
  const initOf = (u: readonly number[]): EtsState =>
    freeStates
      ? {
          level: heuristic.level + spread * u[u.length - freeStates]!,
          trend:
            freeStates > 1 ? heuristic.trend + (spread / n) * u[u.length - 1]! : heuristic.trend,
          season: heuristic.season,
          t: heuristic.t,
        }
      : heuristic;
  const start = [unsquash(START.alpha)];
  if (spec.trend !== 'N') start.push(unsquash(START.beta));
  if (isSeasonal(spec)) start.push(unsquash(START.gamma));
  if (spec.trend === 'Ad') start.push(unsquash(START.phi));
  for (let i = 0; i < freeStates; i++) start.push(0);
  const warm = options.start?.length === start.length;
  const modelOf = (u: readonly number[]): EtsModel => ({ spec, m, params: decode(spec, u) });
  const floor = sseFloor(y, spec.error === 'M');
  const best = nelderMead(
    (u) => runFilter(y, modelOf(u), initOf(u), floor, n).criterion,
    warm ? options.start! : start,
    warm ? WARM_OPTIMISER : OPTIMISER,
  );
  const model = modelOf(best.x);
  const init = initOf(best.x);
  const run = runFilter(y, model, init, floor, n);
  if (!Number.isFinite(run.criterion)) return null;
  const aicc = n - k - 1 > 0 ? run.criterion + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  const dof = Math.max(1, n - k);
  return {
    ...model,
    solution: best.x,
    init: cloneState(init),
    final: run.state,
    sse: run.sse,
    n,
    k,
    aicc,
    sigma: Math.sqrt(run.sse / dof),
    variance: run.errorSquares / dof,
  };
}

/**
 * A start for the damped twin of a fitted undamped trend: its optimum with φ's starting value
 * put in its place (after the smoothing parameters, before any free states). The damped
 * model's optimum is usually near, so its optimiser starts there with a small step. (A trend
 * started from the optimum without one was tried too: fewer runs on level series, more and
 * slightly worse fits on trended ones, where α had taken the trend's place.)
 */
export function dampedStart(undamped: EtsFit): number[] {
  const u = [...undamped.solution];
  u.splice(2 + (isSeasonal(undamped.spec) ? 1 : 0), 0, unsquash(START.phi));
  return u;
}

/** Re-runs a fitted model's parameters over other data (a backtest's training part, or more). */
export function refilter(fit: EtsFit, y: readonly number[]): EtsState {
  const state = cloneState(fit.init);
  const k = stepModel(fit);
  for (let i = 0; i < y.length; i++) step(state, y[i]!, k);
  return state;
}
