/**
 * Demand anomalies: actuals of the last `window` periods outside the forecast interval
 * built from the history before them.
 */
import { forecastSeries } from './forecast';
import type { Series } from './types';

export interface AnomalyOptions {
  /** 7 for daily data, 0/1 for none. */
  seasonLength: number;
  /** How many of the last periods are checked. */
  window: number;
  /** Interval coverage outside of which an actual is an anomaly (default 0.95). */
  level?: number;
}

export interface DemandAnomaly {
  /** Position in the series given. */
  index: number;
  observed: number;
  expected: number;
  lower: number;
  upper: number;
  kind: 'spike' | 'drop';
  severity: 'low' | 'medium' | 'high';
  /** How far outside the interval, in one-step standard deviations. */
  sigmas: number;
}

export function demandAnomalies(series: Series, options: AnomalyOptions): DemandAnomaly[] {
  const window = Math.min(options.window, series.length);
  const before = series.slice(0, series.length - window);
  const fit = forecastSeries(before, {
    horizon: Math.max(1, window),
    seasonLength: options.seasonLength,
    level: options.level ?? 0.95,
  });
  if (fit.status !== 'ok' || window === 0) return [];
  const out: DemandAnomaly[] = [];
  for (let k = 0; k < window; k++) {
    const p = fit.points[k]!;
    const index = before.length + k;
    const observed = series[index]!;
    if (observed >= p.lower && observed <= p.upper) continue;
    const gap = observed > p.upper ? observed - p.upper : p.lower - observed;
    const sigmas = fit.sigma > 0 ? gap / fit.sigma : Infinity;
    out.push({
      index,
      observed,
      expected: p.mean,
      lower: p.lower,
      upper: p.upper,
      kind: observed > p.upper ? 'spike' : 'drop',
      severity: sigmas > 2 ? 'high' : sigmas > 1 ? 'medium' : 'low',
      sigmas,
    });
  }
  return out;
}
