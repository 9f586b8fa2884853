/**
 * Combining the best ETS models by their Akaike weights (Burnham & Anderson 2002, §4.2;
 * Kolassa, "Combining exponential smoothing forecasts using Akaike weights", IJF 2011): the
 * models within a few AICc points of the best forecast nearly as well, and their weighted
 * mean is usually more accurate than the winner alone (on the bench's trended weekly series
 * it is what a damped and an undamped trend disagree about four weeks ahead).
 *
 * Weights w_i ∝ exp(−Δ_i / 2), Δ_i = AICc_i − AICc_best. The combined mean is Σ w_i μ_i and
 * its variance Σ w_i (v_i + (μ_i − μ̄)²), the "unconditional" variance that adds the models'
 * disagreement to each model's own, for one period and for the total over a lead time alike.
 */
import { pointForecasts, seasonalPart, type EtsState } from './ets';
import type { EtsFit } from './ets-fit';
import { forecastVariances, leadTimeVariances } from './ets-variance';

/** Models below this Akaike weight (before renormalising) are left out of the combination. */
const MIN_WEIGHT = 0.05;
/** At most this many models are combined: each one costs a refit for the backtest. */
const MAX_MODELS = 3;

export interface Member {
  fit: EtsFit;
  /** Share of the combined forecast (the members' weights sum to 1). */
  weight: number;
}

/** The models that enter the combination and their weights, from fits ranked best (lowest AICc) first. */
export function akaikeMembers(ranked: readonly EtsFit[]): Member[] {
  if (!ranked.length) return [];
  const all = akaikeWeights(ranked);
  const kept = ranked.slice(0, MAX_MODELS).filter((_, i) => i === 0 || all[i]! >= MIN_WEIGHT);
  return reweighed(kept);
}

/** Akaike weights of a set of fits (summing to 1; the same fits' weights on other data, e.g. a backtest's training part). */
export function akaikeWeights(fits: readonly EtsFit[]): number[] {
  const best = Math.min(...fits.map((f) => f.aicc));
  const raw = fits.map((f) => (Number.isFinite(best) ? Math.exp(-(f.aicc - best) / 2) : 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
}

/** The fits as members with their Akaike weights among themselves. */
export function reweighed(fits: readonly EtsFit[]): Member[] {
  const weights = akaikeWeights(fits);
  return fits.map((fit, i) => ({ fit, weight: weights[i]! }));
}

/** The combined mean forecasts only (a backtest's), from the members' states. */
export function combinedMeans(
  members: readonly Member[],
  states: readonly EtsState[],
  h: number,
): number[] {
  const out = new Array<number>(h).fill(0);
  members.forEach(({ fit, weight }, i) =>
    pointForecasts(states[i]!, fit, h).forEach((mu, j) => (out[j]! += weight * mu)),
  );
  return out;
}

export interface CombinedForecast {
  /** Mean demand for periods 1 … h (not clipped). */
  means: number[];
  /** Variance of each period's demand. */
  variances: number[];
  /** Variance of the total demand over periods 1 … H, for each H. */
  totalVariances: number[];
  /** The seasonal part of each mean (units). */
  seasonal: number[];
}

/** The members' forecasts h periods after their states (each member's `states[i]`, default its final state), combined. */
export function combineForecasts(
  members: readonly Member[],
  h: number,
  states: readonly EtsState[] = members.map((m) => m.fit.final),
): CombinedForecast {
  const out: CombinedForecast = {
    means: new Array<number>(h).fill(0),
    variances: new Array<number>(h).fill(0),
    totalVariances: new Array<number>(h).fill(0),
    seasonal: new Array<number>(h).fill(0),
  };
  const each = members.map(({ fit }, i) => {
    const means = pointForecasts(states[i]!, fit, h);
    const totals: number[] = [];
    means.forEach((mu, j) => totals.push((totals[j - 1] ?? 0) + mu));
    return {
      means,
      totals,
      variances: forecastVariances(fit, states[i]!, h),
      totalVariances: leadTimeVariances(fit, states[i]!, h),
    };
  });
  members.forEach(({ fit, weight }, i) => {
    for (let j = 0; j < h; j++) {
      out.means[j]! += weight * each[i]!.means[j]!;
      out.seasonal[j]! += weight * seasonalPart(states[i]!, fit, each[i]!.means[j]!, j);
    }
  });
  const meanTotals: number[] = [];
  out.means.forEach((mu, j) => meanTotals.push((meanTotals[j - 1] ?? 0) + mu));
  members.forEach(({ weight }, i) => {
    const e = each[i]!;
    for (let j = 0; j < h; j++) {
      out.variances[j]! += weight * (e.variances[j]! + (e.means[j]! - out.means[j]!) ** 2);
      out.totalVariances[j]! +=
        weight * (e.totalVariances[j]! + (e.totals[j]! - meanTotals[j]!) ** 2);
    }
  });
  return out;
}
