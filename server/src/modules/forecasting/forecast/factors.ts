/** What drove a forecast, in words a manager reads ("Saturdays +35%"), with the number behind it. */
import type { EtsFit } from './ets';
import type { IntermittentFit } from './intermittent';
import type { Factor, ForecastOptions, Method } from './types';

export const METHOD_NAMES: Record<Method, string> = {
  holt_winters_additive: 'Holt-Winters: level, trend and weekly pattern',
  holt_winters_damped: 'Holt-Winters with a damped trend and weekly pattern',
  seasonal_level: 'Level with a weekly pattern, no trend',
  holt_linear: "Holt's linear trend",
  holt_damped: "Holt's damped trend",
  simple_exponential: 'Simple exponential smoothing (level only)',
  croston_sba: 'Croston (Syntetos-Boylan) for intermittent demand',
  tsb: 'TSB for intermittent demand with a changing chance of a sale',
};

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const signed = (fraction: number) =>
  `${fraction >= 0 ? '+' : '−'}${Math.round(Math.abs(fraction) * 100)}%`;
const unitOf = (options: ForecastOptions) => options.period ?? 'period';

export function methodFactor(method: Method): Factor {
  return { name: 'method', description: METHOD_NAMES[method], value: method };
}

export function levelFactor(level: number, options: ForecastOptions): Factor {
  return {
    name: 'level',
    description: `Underlying demand now about ${round(level, 1)} a ${unitOf(options)}`,
    value: round(level, 3),
  };
}

/**
 * The model's current slope per period, called flat when it would move the level by under 2%
 * over four weeks of daily data (four periods of weekly data, three months of monthly data).
 */
export function trendFactor(fit: EtsFit | null, options: ForecastOptions): Factor {
  const unit = unitOf(options);
  if (!fit || fit.spec.trend === 'N')
    return { name: 'trend', description: 'Flat: no clear trend', value: 'flat' };
  const level = Math.max(Math.abs(fit.final.level), 1e-9);
  const slope = fit.final.trend * fit.params.phi;
  const span = fit.m > 1 ? 4 * fit.m : options.period === 'month' ? 3 : 4;
  const relative = (slope * span) / level;
  if (Math.abs(relative) < 0.02)
    return { name: 'trend', description: 'Flat: no clear trend', value: 'flat' };
  const up = slope > 0;
  const over = fit.m === 7 ? '4 weeks' : `${span} ${unit}s`;
  const damped = fit.spec.trend === 'Ad' ? ', levelling off' : '';
  return {
    name: 'trend',
    description: `${up ? 'Rising' : 'Falling'}: about ${up ? '+' : '−'}${round(Math.abs(slope), 2)} a ${unit} (${signed(relative)} over ${over})${damped}`,
    value: up ? 'up' : 'down',
  };
}

/** The busiest weekday relative to the level ("Saturdays +35%"), and the quietest one. */
export function weekdayFactor(
  fit: EtsFit,
  firstWeekday: number | undefined,
  offset: number,
): Factor | null {
  if (!fit.spec.seasonal || fit.m !== 7) return null;
  const level = Math.max(Math.abs(fit.final.level), 1e-9);
  const season = fit.final.season;
  const busiest = season.indexOf(Math.max(...season));
  const quietest = season.indexOf(Math.min(...season));
  const dayName = (j: number) =>
    firstWeekday === undefined
      ? `Day ${((offset + j) % 7) + 1} of each week`
      : `${WEEKDAYS[(firstWeekday + offset + j) % 7]}s`;
  const high = season[busiest]! / level;
  const low = season[quietest]! / level;
  if (Math.max(high, -low) < 0.05)
    return { name: 'weekday', description: 'No marked weekday effect', value: 0 };
  return {
    name: 'weekday',
    description: `${dayName(busiest)} ${signed(high)}, ${dayName(quietest)} ${signed(low)}`,
    value: round(high, 3),
  };
}

export function intermittencyFactor(
  zeroShare: number,
  adi: number,
  fit: IntermittentFit | null,
  options: ForecastOptions,
): Factor {
  const unit = unitOf(options);
  const sells = Math.round((1 - zeroShare) * 100);
  const size = fit ? `, ${round(fit.size, 1)} units when it does` : '';
  return {
    name: 'intermittency',
    description: `Sells in ${sells}% of ${unit}s (about every ${round(adi, 1)} ${unit}s)${size}`,
    value: round(zeroShare, 3),
  };
}
