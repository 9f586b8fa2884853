/**
 * Additive-error exponential smoothing (ETS A,{N,A,Ad},{N,A}; Hyndman et al. 2008), i.e.
 * simple, Holt's linear, damped and Holt-Winters additive models. The smoothing parameters
 * are fitted by minimising the one-step SSE (the Gaussian likelihood up to a constant) with
 * Nelder-Mead; the initial states come from a classical decomposition of the first seasons
 * (not optimised: keeps a fit under a millisecond). Models are compared by AICc.
 */
import { nelderMead } from './nelder-mead';
import { mean, squash, unsquash } from './stats';

export type TrendKind = 'N' | 'A' | 'Ad';
export interface EtsSpec {
  trend: TrendKind;
  seasonal: boolean;
}
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}
/** Level, trend and the seasonal ring (`season[t % m]` is the effect of period t). */
export interface EtsState {
  level: number;
  trend: number;
  season: number[];
  t: number;
}
export interface EtsFit {
  spec: EtsSpec;
  m: number;
  params: EtsParams;
  init: EtsState;
  final: EtsState;
  sse: number;
  n: number;
  /** Estimated quantities: smoothing parameters, initial states and the error variance. */
  k: number;
  aicc: number;
  /** Standard deviation of the one-step errors (SSE / (n − k)). */
  sigma: number;
}

const cloneState = (s: EtsState): EtsState => ({ ...s, season: [...s.season] });

/** Initial states from the first (up to) four seasons: moving-average detrending, mean seasonal deviations, a line through the rest. */
export function initialStates(y: readonly number[], spec: EtsSpec, m: number): EtsState {
  const season = new Array<number>(m).fill(0);
  const k = Math.min(y.length, spec.seasonal ? 4 * m : 10);
  const head = y.slice(0, k);
  if (spec.seasonal && m > 1 && k >= 2 * m) {
    const half = Math.floor(m / 2);
    const dev = new Array<number>(m).fill(0);
    const cnt = new Array<number>(m).fill(0);
    for (let t = half; t + half < k; t++) {
      // centred moving average (a 2×m one when m is even)
      const ma =
        m % 2
          ? mean(head.slice(t - half, t + half + 1))
          : (mean(head.slice(t - half, t + half)) + mean(head.slice(t - half + 1, t + half + 1))) /
            2;
      dev[t % m]! += head[t]! - ma;
      cnt[t % m]! += 1;
    }
    for (let j = 0; j < m; j++) season[j] = cnt[j] ? dev[j]! / cnt[j]! : 0;
    const avg = mean(season);
    for (let j = 0; j < m; j++) season[j]! -= avg;
  }
  const d = head.map((v, t) => v - season[t % m]!);
  let level = mean(d);
  let trend = 0;
  if (spec.trend !== 'N' && d.length >= 2) {
    const tm = (d.length - 1) / 2;
    let sxy = 0;
    let sxx = 0;
    d.forEach((v, t) => {
      sxy += (t - tm) * (v - level);
      sxx += (t - tm) * (t - tm);
    });
    trend = sxx ? sxy / sxx : 0;
    // state "before" period 0: the line's value at t = -1
    level = level - trend * (tm + 1);
  }
  return { level, trend, season, t: 0 };
}

/** Runs the filter over y from `init` and returns the SSE and the final state. */
export function runFilter(
  y: readonly number[],
  spec: EtsSpec,
  m: number,
  p: EtsParams,
  init: EtsState,
): { sse: number; state: EtsState } {
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const hasTrend = spec.trend !== 'N';
  const season = [...init.season];
  let level = init.level;
  let trend = hasTrend ? init.trend : 0;
  let sse = 0;
  const t0 = init.t;
  for (let i = 0; i < y.length; i++) {
    const j = (t0 + i) % m;
    const s = spec.seasonal ? season[j]! : 0;
    const base = level + phi * trend;
    const e = y[i]! - base - s;
    sse += e * e;
    level = base + p.alpha * e;
    if (hasTrend) trend = phi * trend + p.beta * e;
    if (spec.seasonal) season[j] = s + p.gamma * e;
  }
  return { sse, state: { level, trend, season, t: t0 + y.length } };
}

/** One filter step in place; returns the one-step forecast the step started from. */
export function stepState(state: EtsState, y: number, fit: EtsFit): number {
  const yhat = pointForecasts(state, fit, 1)[0]!;
  const e = y - yhat;
  const phi = fit.spec.trend === 'Ad' ? fit.params.phi : 1;
  const j = state.t % fit.m;
  const base = state.level + phi * state.trend;
  state.level = base + fit.params.alpha * e;
  if (fit.spec.trend !== 'N') state.trend = phi * state.trend + fit.params.beta * e;
  if (fit.spec.seasonal) state.season[j] = state.season[j]! + fit.params.gamma * e;
  state.t += 1;
  return yhat;
}

/** Mean forecasts for periods t+1 … t+h from a state (not clipped at zero). */
export function pointForecasts(state: EtsState, fit: EtsFit, h: number): number[] {
  const phi = fit.spec.trend === 'Ad' ? fit.params.phi : 1;
  const out: number[] = [];
  let damp = 0;
  let power = 1;
  for (let i = 0; i < h; i++) {
    power *= phi;
    damp += power;
    const s = fit.spec.seasonal ? state.season[(state.t + i) % fit.m]! : 0;
    out.push(state.level + (fit.spec.trend === 'N' ? 0 : damp * state.trend) + s);
  }
  return out;
}

/**
 * Forecast variance by horizon for the additive class-1 models (Hyndman et al. 2008, table 6.1):
 * σ²(1 + Σ_{j<h} c_j²), c_j = α + β·φ_j + γ·[j mod m = 0], φ_j = φ + … + φ^j.
 */
export function forecastVariances(fit: EtsFit, h: number): number[] {
  const { alpha, beta, gamma } = fit.params;
  const phi = fit.spec.trend === 'Ad' ? fit.params.phi : 1;
  const out: number[] = [];
  let acc = 1;
  let damp = 0;
  let power = 1;
  for (let i = 1; i <= h; i++) {
    out.push(fit.sigma * fit.sigma * acc);
    power *= phi;
    damp += power;
    const c =
      alpha +
      (fit.spec.trend === 'N' ? 0 : beta * damp) +
      (fit.spec.seasonal && i % fit.m === 0 ? gamma : 0);
    acc += c * c;
  }
  return out;
}

function decode(spec: EtsSpec, u: readonly number[]): EtsParams {
  let i = 0;
  const alpha = 0.0001 + 0.9989 * squash(u[i++]!);
  const beta = spec.trend === 'N' ? 0 : alpha * squash(u[i++]!);
  const gamma = spec.seasonal ? (1 - alpha) * squash(u[i++]!) : 0;
  const phi = spec.trend === 'Ad' ? 0.8 + 0.18 * squash(u[i++]!) : 1;
  return { alpha, beta, gamma, phi };
}

export function parameterCount(spec: EtsSpec, m: number): number {
  const smoothing =
    1 + (spec.trend === 'N' ? 0 : 1) + (spec.seasonal ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  const states = 1 + (spec.trend === 'N' ? 0 : 1) + (spec.seasonal ? m - 1 : 0);
  return smoothing + states + 1;
}

/**
 * Fits one model to y, or null when y is shorter than its states; the AICc is Infinity when
 * y is too short for it (such a fit can still serve a backtest, never a model selection).
 */
export function fitEts(y: readonly number[], spec: EtsSpec, m: number): EtsFit | null {
  const n = y.length;
  const k = parameterCount(spec, m);
  if (n < k - 1 || (spec.seasonal && n < 2 * m)) return null;
  const heuristic = initialStates(y, spec, m);
  // Short weekly or monthly series also fit their initial level and trend (a few noisy first
  // periods would otherwise set them: mean MASE 0.92 → 0.80 on the bench's weekly trends).
  // Daily and long series keep the heuristic: no gain there, and 5× the time.
  const freeStates = m <= 1 && n <= 60 ? (spec.trend === 'N' ? 1 : 2) : 0;
  const spread = Math.max(1e-9, Math.sqrt(mean(y.map((v) => (v - mean(y)) ** 2))));
  const initOf = (u: readonly number[]): EtsState =>
    freeStates
      ? {
          ...heuristic,
          level: heuristic.level + spread * u[u.length - freeStates]!,
          trend:
            freeStates > 1 ? heuristic.trend + (spread / n) * u[u.length - 1]! : heuristic.trend,
        }
      : heuristic;
  const start = [unsquash(0.2)];
  if (spec.trend !== 'N') start.push(unsquash(0.1));
  if (spec.seasonal) start.push(unsquash(0.1));
  if (spec.trend === 'Ad') start.push(unsquash(0.5));
  for (let i = 0; i < freeStates; i++) start.push(0);
  const best = nelderMead((u) => runFilter(y, spec, m, decode(spec, u), initOf(u)).sse, start, {
    step: 1.5,
    tolerance: 1e-4,
  });
  const params = decode(spec, best.x);
  const init = initOf(best.x);
  const { sse, state } = runFilter(y, spec, m, params, init);
  // a perfectly flat series has SSE 0; keep the logarithm finite
  const floor = 1e-8 * (1 + mean(y.map((v) => v * v))) * n;
  const s = Math.max(sse, floor);
  const aicc =
    n - k - 1 > 0 ? n * Math.log(s / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  return {
    spec,
    m,
    params,
    init: cloneState(init),
    final: state,
    sse,
    n,
    k,
    aicc,
    sigma: Math.sqrt(sse / Math.max(1, n - k)),
  };
}

/** Re-runs a fitted model's parameters over other data (a backtest's training part, or more). */
export function refilter(fit: EtsFit, y: readonly number[]): EtsState {
  return runFilter(y, fit.spec, fit.m, fit.params, fit.init).state;
}
