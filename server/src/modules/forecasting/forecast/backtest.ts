/**
 * Rolling-origin backtest on the item's own history: the model is refitted once on the
 * history before the test window, then re-run with those parameters up to each origin and
 * asked for the next block (a week for daily data). Every held-out period is scored once.
 */
import type { Accuracy } from './types';

export interface BacktestPlan {
  /** First origin: periods before it are the training part. */
  train: number;
  /** Periods forecast from each origin. */
  block: number;
  origins: number[];
}

/** Without a season: periods forecast from each origin, least training periods, widest window. */
const PLAIN = { block: 4, minTrain: 4, maxWindow: 12 };
/** With a season of m periods: whole seasons, so every position of the season is scored alike. */
const SEASONS = { block: 1, minTrain: 3, maxWindow: 4 };

/** A window of up to four weeks of daily data (or 12 periods of weekly/monthly data). */
export function backtestPlan(n: number, m: number): BacktestPlan {
  const block = m > 1 ? SEASONS.block * m : PLAIN.block;
  const minTrain = m > 1 ? SEASONS.minTrain * m : PLAIN.minTrain;
  const maxWindow = m > 1 ? SEASONS.maxWindow * m : PLAIN.maxWindow;
  const window = Math.max(0, Math.min(maxWindow, n - minTrain));
  const train = n - window;
  const origins: number[] = [];
  for (let o = train; o < n; o += block) origins.push(o);
  return { train, block, origins };
}

export interface Pair {
  actual: number;
  predicted: number;
  /** Periods ahead of its origin, 0 for the first. */
  step: number;
}

/** Runs `forecastAfter(prefix, h)` at each origin and pairs its means with what happened. */
export function backtestPairs(
  y: readonly number[],
  plan: BacktestPlan,
  forecastAfter: (prefixLength: number, h: number) => number[],
): Pair[] {
  const pairs: Pair[] = [];
  for (const o of plan.origins) {
    const h = Math.min(plan.block, y.length - o);
    const means = forecastAfter(o, h);
    for (let i = 0; i < h; i++)
      if (!Number.isNaN(y[o + i]!))
        pairs.push({ actual: y[o + i]!, predicted: Math.max(0, means[i] ?? 0), step: i });
  }
  return pairs;
}

/** Mean absolute one-step error of the seasonal-naive forecast in a sample (MASE's scale). */
export function naiveScale(train: readonly number[], m: number): number {
  const lag = m > 1 && train.length > m ? m : 1;
  let total = 0;
  let count = 0;
  for (let t = lag; t < train.length; t++) {
    // (NaN − x is NaN: a pair with a missing period is skipped)
    if (Number.isNaN(train[t]! - train[t - lag]!)) continue;
    total += Math.abs(train[t]! - train[t - lag]!);
    count++;
  }
  return count ? total / count : 0;
}

/** MAPE over non-zero actuals only, RMSE, MASE and MAE / mean actual (all fractions, not %). */
export function accuracyOf(pairs: readonly Pair[], scale: number): Accuracy {
  const n = pairs.length;
  if (!n)
    return {
      mape: null,
      mapeNote: 'No held-out periods to measure accuracy on.',
      rmse: 0,
      mase: null,
      relativeError: null,
      points: 0,
    };
  let abs = 0;
  let sq = 0;
  let actualSum = 0;
  let pct = 0;
  let nonZero = 0;
  for (const { actual, predicted } of pairs) {
    const e = actual - predicted;
    abs += Math.abs(e);
    sq += e * e;
    actualSum += actual;
    if (actual !== 0) {
      pct += Math.abs(e / actual);
      nonZero++;
    }
  }
  const zeros = n - nonZero;
  const mae = abs / n;
  return {
    mape: nonZero ? pct / nonZero : null,
    mapeNote: !nonZero
      ? `MAPE is undefined: all ${n} held-out periods had zero demand.`
      : zeros
        ? `MAPE leaves out ${zeros} of ${n} held-out periods whose actual demand was zero.`
        : null,
    rmse: Math.sqrt(sq / n),
    mase: scale > 0 ? mae / scale : null,
    relativeError: actualSum > 0 ? mae / (actualSum / n) : null,
    points: n,
  };
}
