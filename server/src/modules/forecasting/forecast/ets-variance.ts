/**
 * Forecast variances by horizon (Hyndman et al. 2008, ch. 6): exact for class 1 (additive
 * error, no multiplicative season: table 6.1) and class 2 (multiplicative error, no
 * multiplicative season: eq. 6.6, as R forecast's `class2`), and a first-order approximation
 * for multiplicative seasons (below). All closed-form: no simulation at request time, so a
 * 90-day forecast costs what a 28-day one does.
 */
import { pointForecasts, type EtsState } from './ets';
import type { EtsFit } from './ets-fit';

/** c_j = α + β·(φ + … + φ^j) + γ·[j mod m = 0], the weight of an error j periods back. */
function errorWeights(fit: EtsFit, h: number): number[] {
  const { alpha, beta, gamma } = fit.params;
  const phi = fit.spec.trend === 'Ad' ? fit.params.phi : 1;
  const weights: number[] = [0];
  let damp = 0;
  let power = 1;
  for (let j = 1; j < h; j++) {
    power *= phi;
    damp += power;
    weights.push(
      alpha +
        (fit.spec.trend === 'N' ? 0 : beta * damp) +
        (fit.spec.season !== 'N' && j % fit.m === 0 ? gamma : 0),
    );
  }
  return weights;
}

/** Class 1: σ²(1 + Σ_{j<h} c_j²). */
function additiveVariances(fit: EtsFit, h: number): number[] {
  const c = errorWeights(fit, h);
  const out: number[] = [];
  let acc = 1;
  for (let i = 1; i <= h; i++) {
    out.push(fit.variance * acc);
    if (i < h) acc += c[i]! ** 2;
  }
  return out;
}

/** Class 2: v_h = (1 + σ²)θ_h − μ_h², θ_1 = μ_1², θ_h = μ_h² + σ²Σ_{j<h} c_j²θ_{h−j}. */
function multiplicativeErrorVariances(fit: EtsFit, state: EtsState, h: number): number[] {
  const mu = pointForecasts(state, fit, h);
  const c = errorWeights(fit, h);
  const s2 = fit.variance;
  const theta: number[] = [];
  const out: number[] = [];
  for (let i = 0; i < h; i++) {
    let acc = mu[i]! ** 2;
    for (let j = 1; j <= i; j++) acc += s2 * c[j]! ** 2 * theta[i - j]!;
    theta.push(acc);
    out.push(Math.max(0, (1 + s2) * acc - mu[i]! ** 2));
  }
  return out;
}

/**
 * Multiplicative seasons (A,·,M and M,·,M; classes 3–5, whose exact variance the textbook
 * gives only as matrix recursions or by simulation): the first-order (delta-method) variance.
 * An error j periods before period h moves its forecast by (α + βφ_j)·(the level's scale)·s_h
 * through the level and trend, plus γ·(the season's scale) when j is a whole number of
 * seasons: v_h ≈ Σ_{j<h} w_j² + w_0², in units. Checked against a 10,000-path simulation of
 * the same models in ets.test.ts; it leaves out terms of order σ⁴, which the backtest
 * calibration absorbs.
 */
function multiplicativeSeasonVariances(fit: EtsFit, state: EtsState, h: number): number[] {
  const { gamma } = fit.params;
  const phi = fit.spec.trend === 'Ad' ? fit.params.phi : 1;
  const relative = fit.spec.error === 'M';
  const s2 = fit.variance;
  // the non-seasonal forecast q_i = ℓ + φ_i·b and the season factor of each step ahead
  const q: number[] = [];
  const season: number[] = [];
  let damp = 0;
  let power = 1;
  for (let i = 0; i < h; i++) {
    power *= phi;
    damp += power;
    q.push(state.level + (fit.spec.trend === 'N' ? 0 : damp * state.trend));
    season.push(state.season[(state.t + i) % fit.m]!);
  }
  const c = errorWeights({ ...fit, params: { ...fit.params, gamma: 0 } }, h);
  const out: number[] = [];
  for (let i = 0; i < h; i++) {
    // the error of period i itself, then each earlier one's effect carried to period i
    let v = relative ? (q[i]! * season[i]!) ** 2 : 1;
    for (let j = 1; j <= i; j++) {
      const k = i - j;
      const through = c[j]! * (relative ? q[k]! * season[i]! : season[i]! / season[k]!);
      const seasonal =
        j % fit.m === 0 ? gamma * (relative ? q[i]! * season[k]! : q[i]! / q[k]!) : 0;
      v += (through + seasonal) ** 2;
    }
    out.push(s2 * v);
  }
  return out;
}

/** Variance of the forecast 1 … h periods after `state` (units²). */
export function forecastVariances(fit: EtsFit, state: EtsState, h: number): number[] {
  if (h <= 0) return [];
  if (fit.spec.season === 'M') return multiplicativeSeasonVariances(fit, state, h);
  return fit.spec.error === 'A'
    ? additiveVariances(fit, h)
    : multiplicativeErrorVariances(fit, state, h);
}

/** One-step standard deviation from a state whose forecast is `yhat` (units). */
export const oneStepSd = (fit: EtsFit, yhat: number) =>
  Math.sqrt(fit.variance) * (fit.spec.error === 'M' ? Math.abs(yhat) : 1);

/**
 * Variance of the total demand over periods 1 … H, for every H up to h (units²): the sum has
 * its own variance, not the sum of the daily ones (the days' errors are correlated through
 * the state). An error in period k reaches every later period k + j with weight c_j (times
 * the ratio of their season factors for a multiplicative season), so its weight in the total
 * to H is 1 + Σ_{j ≤ H−k} c_j, and Var(total_H) = Σ_k sd_k²·(that weight)². Exact for class 1
 * (additive error and season, sd_k = σ); for multiplicative errors sd_k = σ·μ_k and for
 * multiplicative seasons the ratio makes it the same first-order approximation as above
 * (checked by its coverage on simulated series in ets.test.ts).
 */
export function totalVariances(fit: EtsFit, state: EtsState, h: number): number[] {
  if (h <= 0) return [];
  const c = errorWeights(fit, h);
  const mu = pointForecasts(state, fit, h);
  const relative = fit.spec.error === 'M';
  const ratio = (to: number, from: number) => {
    if (fit.spec.season !== 'M') return 1;
    const a = state.season[(state.t + to) % fit.m]!;
    const b = state.season[(state.t + from) % fit.m]!;
    return b > 0 ? a / b : 1;
  };
  // weight[k]: the weight of period k's error in the running total (grows as the total does)
  const weight: number[] = [];
  const out: number[] = [];
  for (let last = 0; last < h; last++) {
    for (let k = 0; k < last; k++) weight[k]! += c[last - k]! * ratio(last, k);
    weight.push(1);
    let v = 0;
    for (let k = 0; k <= last; k++) v += ((relative ? Math.abs(mu[k]!) : 1) * weight[k]!) ** 2;
    out.push(fit.variance * v);
  }
  return out;
}

/**
 * The part of a forecast's error the model's own variances leave out: its starting level and
 * slope are estimates. Those variances hold them as known, which for a slowly smoothed model
 * (α and β near 0: the level and slope all of the history agrees on) leaves only the
 * periods' noise, whereas a level and slope estimated from n periods are off by σ²/n and
 * 12σ²/(n(n² − 1)), as a regression line's are (Draper & Smith §3.4). One period barely
 * notices; a lead time's total does, as the error repeats in every period of it: Var(ΣH)
 * gains σ²(H²/n + 12(Σ_h x_h)²/(n(n² − 1))), x_h = h + (n − 1)/2 the period's distance from
 * the middle of the n periods fitted. Returns that added variance of the total over 1 … H,
 * for each H up to h (see `leadTimeVariances`).
 */
export function estimationVariances(fit: EtsFit, h: number): number[] {
  const n = Math.max(2, fit.n);
  const s2 = fit.sigma ** 2;
  const out: number[] = [];
  let spread = 0;
  for (let H = 1; H <= h; H++) {
    spread += H + (n - 1) / 2;
    const slope = fit.spec.trend === 'N' ? 0 : (12 * spread ** 2) / (n * (n * n - 1));
    out.push(s2 * ((H * H) / n + slope));
  }
  return out;
}

/**
 * Variance of the total demand over periods 1 … H, for each H up to h (units²): the model's
 * own (`totalVariances`), or, when larger, the periods' noise plus the estimation error of
 * the starting states (`estimationVariances`). The two describe the same uncertainty about
 * the level from two sides: a model with a sizeable α lets its level wander by more than its
 * estimate is off, one with α near 0 holds it known; adding both would count it twice.
 */
export function leadTimeVariances(fit: EtsFit, state: EtsState, h: number): number[] {
  const own = totalVariances(fit, state, h);
  const estimation = estimationVariances(fit, h);
  const mu = pointForecasts(state, fit, h);
  let noise = 0;
  return own.map((v, i) => {
    noise += fit.variance * (fit.spec.error === 'M' ? mu[i]! ** 2 : 1);
    return Math.max(v, noise + estimation[i]!);
  });
}
