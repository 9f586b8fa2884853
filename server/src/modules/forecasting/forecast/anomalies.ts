/**
 * Demand anomalies: which of the last `window` actuals fall outside the one-step-ahead
 * forecast interval. The model is fitted once on the history before the window, then run
 * forward through it period by period, so each actual is judged against a forecast made
 * the period before. An anomaly updates the state only up to the interval's edge (Huber-
 * style clipping), so one spike does not drag the next days' expectations up with it.
 */
import { backtestPlan } from './backtest';
import { cloneState, oneStepForecast, stepState } from './ets';
import { oneStepSd } from './ets-variance';
import { rankEts } from './ets-select';
import { minimumHistory } from './forecast';
import {
  chooseIntermittent,
  intermittentInterval,
  isIntermittent,
  rerunIntermittent,
} from './intermittent';
import { normalQuantile } from './stats';
import type { Series } from './types';

/** Default interval coverage outside of which an actual is an anomaly (see `level`). */
const DEFAULT_ANOMALY_LEVEL = 0.99;

export interface AnomalyOptions {
  /** 7 for daily data, 0/1 for none. */
  seasonLength: number;
  /** How many of the last periods are checked. */
  window: number;
  /**
   * Interval coverage outside of which an actual is an anomaly. Default 0.99: at 0.95 one
   * ordinary day in twenty would be flagged, about 1.5 per product per 30-day window.
   */
  level?: number;
  /**
   * `missing[i]`: period i had no stock the whole time. Its demand is unknown, not 0: it is
   * never judged (an empty shelf is not a drop in demand), and the model runs through it as
   * a forecast would, in the history and in the window alike.
   */
  missing?: readonly boolean[];
}

export interface DemandAnomaly {
  /** Position in the series given. */
  index: number;
  observed: number;
  expected: number;
  lower: number;
  upper: number;
  kind: 'spike' | 'drop';
  /** From how far outside the interval: under 1 σ low, under 2 σ medium, else high. */
  severity: 'low' | 'medium' | 'high';
  /** Distance outside the interval in one-step standard deviations (capped at 99). */
  sigmas: number;
}

interface Judged {
  expected: number;
  lower: number;
  upper: number;
  sigma: number;
}

function anomalyOf(index: number, observed: number, j: Judged): DemandAnomaly | null {
  // a perfectly regular history gives an interval of zero width: rounding is not an anomaly
  const slack = 1e-9 * (1 + Math.abs(j.expected));
  if (observed >= j.lower - slack && observed <= j.upper + slack) return null;
  const spike = observed > j.upper;
  const gap = spike ? observed - j.upper : j.lower - observed;
  const sigmas = Math.min(99, gap / Math.max(j.sigma, 1e-9));
  return {
    index,
    observed,
    expected: j.expected,
    lower: j.lower,
    upper: j.upper,
    kind: spike ? 'spike' : 'drop',
    severity: sigmas >= 2 ? 'high' : sigmas >= 1 ? 'medium' : 'low',
    sigmas,
  };
}

export function demandAnomalies(series: Series, options: AnomalyOptions): DemandAnomaly[] {
  const level =
    options.level !== undefined && options.level > 0 && options.level < 1
      ? options.level
      : DEFAULT_ANOMALY_LEVEL;
  const window = Math.max(0, Math.min(Math.floor(options.window), series.length));
  const cut = series.length - window;
  // NaN: a period known to be missing (out of stock), as forecastSeries reads it.
  const clean = series.map((v, i) =>
    options.missing?.[i] ? NaN : Number.isFinite(v) && v > 0 ? v : 0,
  );
  const first = clean.findIndex((v) => v > 0);
  if (window === 0 || first < 0 || first >= cut) return [];
  const before = clean.slice(first, cut);
  const observed = before.filter((v) => !Number.isNaN(v));
  if (observed.length < minimumHistory({ horizon: 1, seasonLength: options.seasonLength }))
    return [];
  const m = options.seasonLength > 1 ? Math.round(options.seasonLength) : 1;
  const out: DemandAnomaly[] = [];

  // Intermittent methods count the periods between sales: missing ones are simply left out.
  if (isIntermittent(observed)) {
    const fit = chooseIntermittent(observed, backtestPlan(observed.length, m)).winner.fitOn(
      observed,
    );
    const seen = [...observed];
    for (let i = cut; i < series.length; i++) {
      if (Number.isNaN(clean[i])) continue;
      const rate = rerunIntermittent(fit, seen);
      const bounds = intermittentInterval(seen, rate, level);
      const a = anomalyOf(i, clean[i]!, { expected: rate, ...bounds, sigma: fit.sigma });
      if (a) out.push(a);
      // clipped to the interval as the ETS path below: a burst does not make the next
      // days' empty ones look like drops
      seen.push(Math.min(bounds.upper, Math.max(bounds.lower, clean[i]!)));
    }
    return out;
  }

  const fit = rankEts(before, m)[0];
  if (!fit) return [];
  const z = normalQuantile((1 + level) / 2);
  const state = cloneState(fit.final);
  for (let i = cut; i < series.length; i++) {
    if (Number.isNaN(clean[i])) {
      stepState(state, NaN, fit);
      continue;
    }
    const yhat = oneStepForecast(state, fit);
    const sd = oneStepSd(fit, yhat);
    const half = z * sd;
    const judged = {
      expected: Math.max(0, yhat),
      lower: Math.max(0, yhat - half),
      upper: Math.max(0, yhat + half),
      sigma: sd,
    };
    const observed = clean[i]!;
    const a = anomalyOf(i, observed, judged);
    if (a) out.push(a);
    stepState(state, Math.min(yhat + half, Math.max(yhat - half, observed)), fit);
  }
  return out;
}
