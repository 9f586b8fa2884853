/**
 * Exponential smoothing state space models, ETS(error, trend, season) in the notation of
 * Hyndman, Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing" (2008): error A
 * (additive) or M (multiplicative), trend N (none), A (additive) or Ad (damped), season N, A
 * or M. This file holds the models' one state-update step (`stepState`), which the filter
 * (fitting), the forecasts, the simulations and the anomaly check all run, and the point
 * forecasts; fitting is in `ets-fit.ts`, forecast variances in `ets-variance.ts`.
 *
 * The step is the error-correction form R's `forecast` package uses (src/etscalc.c,
 * `update`): written in terms of the observation y, it is the same for additive and
 * multiplicative errors, which differ only in their likelihood (ets-fit.ts).
 */

export type ErrorKind = 'A' | 'M';
export type TrendKind = 'N' | 'A' | 'Ad';
export type SeasonKind = 'N' | 'A' | 'M';
export interface EtsSpec {
  error: ErrorKind;
  trend: TrendKind;
  season: SeasonKind;
}
export interface EtsParams {
  alpha: number;
  /** Trend smoothing in the additive-error scale (β ≤ α); 0 without a trend. */
  beta: number;
  /** Seasonal smoothing (γ ≤ 1 − α); 0 without a season. */
  gamma: number;
  /** Trend damping; 1 for an undamped trend. */
  phi: number;
}
/** Level, trend and the seasonal ring (`season[t % m]` is the effect of period t). */
export interface EtsState {
  level: number;
  trend: number;
  /** Additive effects (units) or multiplicative factors (1 = an average period). */
  season: number[];
  t: number;
}
/** What a step needs: the model's structure, season length and smoothing parameters. */
export interface EtsModel {
  spec: EtsSpec;
  m: number;
  params: EtsParams;
}

export const isSeasonal = (spec: EtsSpec) => spec.season !== 'N';
/** Models with a multiplicative part are defined only on strictly positive data. */
export const needsPositive = (spec: EtsSpec) => spec.error === 'M' || spec.season === 'M';
/** "A,Ad,M" as in the textbook, for factors and tests. */
export const specName = (spec: EtsSpec) => `${spec.error},${spec.trend},${spec.season}`;

/** A copy to run on (one object shape for every state, which keeps the step's property reads fast). */
export const cloneState = (s: EtsState): EtsState => ({
  level: s.level,
  trend: s.trend,
  season: s.season.slice(),
  t: s.t,
});

/** The one-step forecast from a state (may be ≤ 0; callers clip what they show). */
export function oneStepForecast(state: EtsState, model: EtsModel): number {
  const { spec, m, params } = model;
  const q = state.level + (spec.trend === 'N' ? 0 : params.phi * state.trend);
  if (spec.season === 'N') return q;
  const s = state.season[state.t % m]!;
  return spec.season === 'M' ? q * s : q + s;
}

/**
 * A model as the step reads it: its kinds as numbers and β/α worked out once, so the filter's
 * inner loop (a few hundred runs of a series per fit) reads plain numbers of one shape.
 */
export interface StepModel {
  /** 0 no season, 1 additive, 2 multiplicative. */
  season: 0 | 1 | 2;
  trended: boolean;
  m: number;
  alpha: number;
  /** β/α: the trend's share of the level's correction. */
  betaShare: number;
  gamma: number;
  /** φ for a damped trend, 1 for an undamped one, 0 without a trend. */
  phi: number;
}

export function stepModel({ spec, m, params }: EtsModel): StepModel {
  return {
    season: spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2,
    trended: spec.trend !== 'N',
    m,
    alpha: params.alpha,
    betaShare: spec.trend === 'N' ? 0 : params.beta / params.alpha,
    gamma: params.gamma,
    phi: spec.trend === 'N' ? 0 : params.phi,
  };
}

/**
 * One observation's update of the state, in place; returns the one-step forecast the step
 * started from. ℓ ← q + α(y/s − q) (or y − s), b ← φb + (β/α)(ℓ − ℓ₋₁ − φb), s ← s + γ(y/q − s)
 * (or y − q), q = ℓ₋₁ + φb₋₁, as etscalc.c; for additive errors these are ℓ ← q + αe,
 * b ← φb + βe, s ← s + γe with e = y − ŷ.
 * A missing observation (NaN: a day out of stock, or one cleaning left out) is its own
 * forecast, e = 0: the state runs on through it as a forecast would.
 * (`step` is the one update; `stepState` takes the model as fitted, loops take `stepModel` once.)
 */
export function step(state: EtsState, observed: number, k: StepModel): number {
  const damped = k.phi * state.trend;
  const q = state.level + damped;
  const j = k.season === 0 ? 0 : state.t % k.m;
  const s = k.season === 0 ? 0 : state.season[j]!;
  const yhat = k.season === 2 ? q * s : q + s;
  const y = Number.isNaN(observed) ? yhat : observed;
  const deseasoned = k.season === 2 ? (s > 0 ? y / s : q) : y - s;
  const previous = state.level;
  state.level = q + k.alpha * (deseasoned - q);
  if (k.trended) state.trend = damped + k.betaShare * (state.level - previous - damped);
  if (k.season === 1) state.season[j] = s + k.gamma * (y - q - s);
  else if (k.season === 2 && q > 0) state.season[j] = s + k.gamma * (y / q - s);
  state.t += 1;
  return yhat;
}

export const stepState = (state: EtsState, observed: number, model: EtsModel): number =>
  step(state, observed, stepModel(model));

/** Mean forecasts for periods t+1 … t+h from a state (not clipped at zero). */
export function pointForecasts(state: EtsState, model: EtsModel, h: number): number[] {
  const { spec, m, params } = model;
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const out: number[] = [];
  let damp = 0;
  let power = 1;
  for (let i = 0; i < h; i++) {
    power *= phi;
    damp += power;
    const q = state.level + (spec.trend === 'N' ? 0 : damp * state.trend);
    const s = spec.season === 'N' ? 0 : state.season[(state.t + i) % m]!;
    out.push(spec.season === 'M' ? q * s : q + s);
  }
  return out;
}

/** The seasonal part of a forecast in units: s for additive seasons, (s − 1)·q for multiplicative. */
export function seasonalPart(state: EtsState, model: EtsModel, mean: number, i: number): number {
  if (model.spec.season === 'N') return 0;
  const s = state.season[(state.t + i) % model.m]!;
  return model.spec.season === 'A' ? s : s > 0 ? mean - mean / s : 0;
}
