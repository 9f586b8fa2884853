/**
 * Pure demand forecasting: `forecastSeries(history, options)`.
 * First increment: seasonal level (simple exponential smoothing with additive weekly
 * indices) and a naive interval; the ETS family, Croston/TSB and backtests follow.
 */
import type { Accuracy, ForecastOptions, ForecastResult, Series } from './types';

/** Fewest periods (after leading zeros, i.e. before the item sold at all) we forecast from. */
export function minimumHistory(options: ForecastOptions): number {
  if (options.seasonLength > 1) return Math.max(28, 4 * options.seasonLength);
  return 8;
}

const Z80 = 1.2816;

export function forecastSeries(history: Series, options: ForecastOptions): ForecastResult {
  const level = options.level ?? 0.8;
  const first = history.findIndex((y) => y > 0);
  const y = first < 0 ? [] : history.slice(first);
  const needed = minimumHistory(options);
  if (y.length < needed) {
    return {
      status: 'insufficient_history',
      needed,
      available: y.length,
      message: `Not enough history to forecast: ${y.length} periods with sales history, at least ${needed} needed.`,
    };
  }
  const m = options.seasonLength > 1 ? options.seasonLength : 1;
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const season = new Array<number>(m).fill(0);
  if (m > 1) {
    const counts = new Array<number>(m).fill(0);
    y.forEach((v, i) => {
      season[i % m]! += v - mean;
      counts[i % m]! += 1;
    });
    for (let j = 0; j < m; j++) season[j] = season[j]! / Math.max(1, counts[j]!);
  }
  let lv = y[0]! - season[0]!;
  let sse = 0;
  const alpha = 0.2;
  y.forEach((v, i) => {
    const e = v - (lv + season[i % m]!);
    sse += e * e;
    lv += alpha * e;
  });
  const sigma = Math.sqrt(sse / y.length);
  const z = Z80 * (level === 0.8 ? 1 : 1);
  const points = Array.from({ length: options.horizon }, (_, h) => {
    const mu = Math.max(0, lv + season[(y.length + h) % m]!);
    const sd = sigma * Math.sqrt(1 + h * alpha * alpha);
    return { mean: mu, lower: Math.max(0, mu - z * sd), upper: mu + z * sd };
  });
  const accuracy: Accuracy = {
    mape: null,
    mapeNote: 'Backtest not computed yet.',
    rmse: sigma,
    mase: null,
    relativeError: mean > 0 ? sigma / mean : null,
    points: 0,
  };
  return {
    status: 'ok',
    method: m > 1 ? 'seasonal_level' : 'simple_exponential',
    points,
    sigma,
    accuracy,
    factors: [{ name: 'method', description: 'Level with weekly pattern (provisional)' }],
    level,
  };
}
