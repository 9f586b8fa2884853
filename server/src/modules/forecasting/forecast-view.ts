/** A forecast as the API answers it (GET forecasts), from the maths' result. */
import type { ForecastResult } from './forecast';
import { round } from './prediction';
import { nextPeriod, type Period, type PeriodPoint } from './series';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SEASONAL = new Set([
  'holt_winters_additive',
  'holt_winters_damped',
  'seasonal_level',
  'holt_winters_multiplicative',
  'holt_winters_damped_multiplicative',
  'seasonal_level_multiplicative',
]);
const TRENDED = new Set([
  'holt_winters_additive',
  'holt_winters_damped',
  'holt_linear',
  'holt_damped',
  'holt_winters_multiplicative',
  'holt_winters_damped_multiplicative',
]);

export interface ForecastItem {
  itemId: string;
  itemType: 'product' | 'category';
  name: string;
}

/** What moves one predicted period, in short words the chart's tooltip shows. */
function pointFactors(
  result: Extract<ForecastResult, { status: 'ok' }>,
  date: string,
  period: Period,
) {
  const out: string[] = [];
  if (period === 'day' && SEASONAL.has(result.method)) {
    out.push(`${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} pattern`);
  }
  if (TRENDED.has(result.method)) out.push('trend');
  if (result.method === 'croston_sba' || result.method === 'tsb') out.push('intermittent demand');
  return out;
}

export function forecastView(
  item: ForecastItem,
  period: Period,
  history: readonly PeriodPoint[],
  result: ForecastResult,
  level: number,
  calculatedAt: Date,
) {
  const base = {
    ...item,
    period,
    level,
    history: history.map((h) => ({ date: h.date, actual: round(h.actual, 3) })),
    calculatedAt: calculatedAt.toISOString(),
  };
  if (result.status !== 'ok') {
    return {
      ...base,
      status: 'insufficient_history' as const,
      message: result.message,
      method: null,
      seasonLength: null,
      predictions: [],
      accuracy: null,
      accuracySummary: null,
      factors: [],
    };
  }
  // The first prediction is the period after the last one the model saw.
  const first = history.length ? nextPeriod(history.at(-1)!.date, period) : null;
  const rel = result.accuracy.relativeError;
  return {
    ...base,
    status: 'ok' as const,
    message: null,
    method: result.method,
    seasonLength: result.seasonLength,
    level: result.level,
    predictions: result.points.map((p, i) => {
      const date = nextPeriod(first!, period, i);
      return {
        date,
        predictedDemand: round(p.mean, 3),
        lower: round(Math.max(0, p.lower), 3),
        upper: round(Math.max(0, p.upper), 3),
        confidence: result.level,
        factors: pointFactors(result, date, period),
      };
    }),
    accuracy: { ...result.accuracy },
    accuracySummary: rel === null ? null : `usually within ±${Math.max(1, Math.round(rel * 100))}%`,
    factors: result.factors.map((f) =>
      f.value === undefined
        ? { name: f.name, description: f.description }
        : { name: f.name, description: f.description, value: f.value },
    ),
  };
}
