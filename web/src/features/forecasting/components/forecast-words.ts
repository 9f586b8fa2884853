import { formatDate, formatNumber } from '@/lib/format';
import type { Forecast, ForecastPeriod, Prediction } from '../api/types';

// The methods' names as a manager reads them; an unknown one is shown as the API spells it.
const methodNames: Record<string, string> = {
  holt_winters_additive: 'trend and weekly pattern (Holt-Winters)',
  holt_winters_damped: 'levelling-off trend and weekly pattern (damped Holt-Winters)',
  seasonal_level: 'weekly pattern without a trend',
  holt_winters_multiplicative: 'trend and a pattern in proportion to the level (Holt-Winters)',
  holt_winters_damped_multiplicative:
    'levelling-off trend and a pattern in proportion to the level (damped Holt-Winters)',
  seasonal_level_multiplicative: 'pattern in proportion to the level, no trend',
  holt_linear: 'trend without a weekly pattern (Holt)',
  holt_damped: 'levelling-off trend without a weekly pattern (damped Holt)',
  simple_exponential: 'recent average (exponential smoothing)',
  croston_sba: 'occasional sales (Croston, SBA)',
  tsb: 'occasional sales that are becoming more or less frequent (TSB)',
};

export function methodLabel(method: string | null): string {
  if (!method) return '—';
  return methodNames[method] ?? method.replace(/_/g, ' ');
}

const previousPeriod: Record<ForecastPeriod, string> = {
  day: 'last week',
  week: 'last week',
  month: 'last month',
  quarter: 'last quarter',
};

/** How far to trust the forecast, in sentences: the typical error and the naive comparison. */
export function accuracyWords(forecast: Forecast): string[] {
  const { accuracy } = forecast;
  if (!accuracy || accuracy.points === 0) {
    return ['Accuracy not measured yet: there is too little history to test the forecast on.'];
  }
  const words: string[] = [];
  if (forecast.accuracySummary) {
    words.push(`Past forecasts were ${forecast.accuracySummary} of what sold.`);
  } else if (accuracy.mape !== null) {
    words.push(`Past forecasts were off by ${Math.round(accuracy.mape)}% on average.`);
  }
  // A percentage error is undefined for periods that sold nothing: say so rather than show 0.
  if (accuracy.mape === null) {
    words.push(
      `No percentage error can be given: ${
        accuracy.mapeNote?.replace(/\.$/, '') ??
        'some periods sold nothing, and a percentage of zero is undefined'
      }.`,
    );
  }
  if (accuracy.mase !== null) {
    const naive = `repeating ${previousPeriod[forecast.period]}`;
    words.push(
      accuracy.mase < 1 ? `Better than simply ${naive}.` : `No better than simply ${naive}.`,
    );
  }
  words.push(`Tested on ${formatNumber(accuracy.points)} past ${forecast.period}s.`);
  return words;
}

const round1 = (value: number) => formatNumber(Math.round(value * 10) / 10);

/**
 * "About 9 days of stock left (runs out around 12 Dec)"; deliveries still coming that arrive
 * before the shelf is empty are counted (the prediction's `daysLeft`). When an expiry empties
 * the shelf, says whose: the stock on hand's (its date) or a delivery's; and when part of the
 * stock on hand expires unsold while deliveries carry on, says that too.
 */
export function stockLeftWords(prediction: Prediction): string {
  if (prediction.daysLeft === null) return 'Nothing sold in the last 30 days: no run-out date.';
  if (prediction.daysLeft <= 0) {
    return prediction.daysLeftLimitedBy === 'expiry' && prediction.currentStock > 0
      ? `The stock on hand has expired (${formatDate(prediction.expiresAt)}).`
      : 'Out of stock now.';
  }
  const days = Math.round(prediction.daysLeft);
  const left = `About ${formatNumber(days)} ${days === 1 ? 'day' : 'days'} of stock left`;
  const until = prediction.stockoutDate ? formatDate(prediction.stockoutDate) : undefined;
  if (prediction.daysLeftLimitedBy === 'expiry' && prediction.expiringStock !== 'delivery') {
    return `${left}: the stock on hand expires on ${formatDate(prediction.expiresAt)}, before it sells.`;
  }
  const waste = prediction.onHandExpiresUnsold
    ? ` Part of the stock on hand expires on ${formatDate(prediction.expiresAt)} before it sells.`
    : '';
  if (prediction.daysLeftLimitedBy === 'expiry') {
    return `${left}${until ? ` (until around ${until})` : ''}: what is on order expires then, before it sells.${waste}`;
  }
  return `${left}${until ? ` (runs out around ${until})` : ''}.${waste}`;
}

/** The one demand figure, as the outlook and the forecast chart's caption both say it. */
export function demandWords(
  prediction: Pick<Prediction, 'demandPerDay' | 'demandSource' | 'demandDays'>,
): string {
  if (prediction.demandPerDay <= 0) return 'No demand expected.';
  return prediction.demandSource === 'forecast'
    ? `Expected to sell about ${round1(prediction.demandPerDay)} a day over the next ${prediction.demandDays} days.`
    : `Selling about ${round1(prediction.demandPerDay)} a day (the last 30 days).`;
}

export function periodLabel(date: string, period: ForecastPeriod): string {
  const day = new Date(`${date}T00:00:00`);
  if (period === 'quarter') return `Q${Math.floor(day.getMonth() / 3) + 1} ${day.getFullYear()}`;
  if (period === 'month')
    return day.toLocaleDateString(undefined, { month: 'short', year: '2-digit' });
  return day.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}
