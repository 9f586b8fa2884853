/** What drove a forecast, in words a manager reads ("Saturdays +35%"), with the number behind it. */
import { specName } from './ets';
import type { Member } from './ets-combine';
import type { EtsFit } from './ets-fit';
import { etsMethod } from './ets-select';
import type { IntermittentFit } from './intermittent';
import type { Factor, ForecastOptions, Method } from './types';

export const METHOD_NAMES: Record<Method, string> = {
  holt_winters_additive: 'Holt-Winters: level, trend and weekly pattern',
  holt_winters_damped: 'Holt-Winters with a damped trend and weekly pattern',
  seasonal_level: 'Level with a weekly pattern, no trend',
  holt_winters_multiplicative:
    'Holt-Winters: level, trend and a pattern in proportion to the level',
  holt_winters_damped_multiplicative:
    'Holt-Winters with a damped trend and a pattern in proportion to the level',
  seasonal_level_multiplicative: 'Level with a pattern in proportion to it, no trend',
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

/** The method, and for ETS models their textbook name ("ETS M,A,M": error, trend, season). */
export function methodFactor(method: Method, ets?: string): Factor {
  const description = ets ? `${METHOD_NAMES[method]} (ETS ${ets})` : METHOD_NAMES[method];
  return { name: 'method', description, value: method };
}

export function levelFactor(level: number, options: ForecastOptions): Factor {
  return {
    name: 'level',
    description: `Underlying demand now about ${round(level, 1)} a ${unitOf(options)}`,
    value: round(level, 3),
  };
}

/**
 * How the model was chosen: its AICc against the runner-up's, and when the forecast averages
 * several models, their shares ("averaged with damped trend 30%").
 */
export function selectionFactor(ranked: readonly EtsFit[], members: readonly Member[]): Factor {
  const [best, runnerUp] = ranked;
  const nameOf = (fit: EtsFit) =>
    `${METHOD_NAMES[etsMethod(fit.spec)].toLowerCase()} (ETS ${specName(fit.spec)})`;
  const chosen =
    best && runnerUp
      ? `Chosen by AICc (lower is better) among ${ranked.length} models: ${round(best.aicc, 1)} against ${round(runnerUp.aicc, 1)} for ${nameOf(runnerUp)}`
      : 'The one model that fits';
  const others = members.slice(1).map((m) => `${nameOf(m.fit)} ${Math.round(100 * m.weight)}%`);
  const averaged = others.length
    ? `; the forecast averages it (${Math.round(100 * members[0]!.weight)}%) with ${others.join(' and ')}, by Akaike weight`
    : '';
  return {
    name: 'selection',
    description: `${chosen}${averaged}`,
    value: best && runnerUp ? round(runnerUp.aicc - best.aicc, 2) : 0,
  };
}

/** A trend moving the level by less than this fraction over the span below is called flat. */
const FLAT_TREND = 0.02;

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
  if (Math.abs(relative) < FLAT_TREND)
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

/** Below this relative effect (5%) the busiest and quietest periods are called unremarkable. */
const MARKED_EFFECT = 0.05;

/**
 * The busiest and quietest period of the season relative to an average one: added units
 * for additive seasons ("Saturdays +35%, Mondays −20%"), factors for multiplicative ones
 * ("Saturdays about 1.4× an average day, Mondays 0.8×"). Weekdays are named for daily data;
 * a monthly or weekly season says "the busiest month/week of the year".
 */
export function seasonFactor(
  fit: EtsFit,
  firstWeekday: number | undefined,
  offset: number,
): Factor | null {
  if (fit.spec.season === 'N' || fit.m <= 1) return null;
  const multiplicative = fit.spec.season === 'M';
  const level = Math.max(Math.abs(fit.final.level), 1e-9);
  const season = fit.final.season;
  // each period's effect as a fraction of the level (a factor 1.35 is +35%)
  const effects = season.map((s) => (multiplicative ? s - 1 : s / level));
  const busiest = effects.indexOf(Math.max(...effects));
  const quietest = effects.indexOf(Math.min(...effects));
  const high = effects[busiest]!;
  const low = effects[quietest]!;
  const weekly = fit.m === 7;
  const name = weekly ? 'weekday' : 'season';
  if (Math.max(high, -low) < MARKED_EFFECT)
    return { name, description: `No marked ${weekly ? 'weekday' : 'seasonal'} effect`, value: 0 };
  const unit = unitOf({
    horizon: 0,
    seasonLength: fit.m,
    period: fit.m === 12 ? 'month' : fit.m === 4 ? 'quarter' : 'week',
  });
  const dayName = (j: number) =>
    !weekly
      ? `The ${j === busiest ? 'busiest' : 'quietest'} ${unit} of the year`
      : firstWeekday === undefined
        ? `Day ${((offset + j) % 7) + 1} of each week`
        : `${WEEKDAYS[(firstWeekday + offset + j) % 7]}s`;
  const description = multiplicative
    ? `${dayName(busiest)} about ${round(1 + high, 1)}× an average ${weekly ? 'day' : unit}, ${dayName(quietest).replace(/^The/, 'the')} ${round(1 + low, 1)}×`
    : `${dayName(busiest)} ${signed(high)}, ${dayName(quietest).replace(/^The/, 'the')} ${signed(low)}`;
  return { name, description, value: round(high, 3) };
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

/** What cleaning found in the history before the fit (see `cleaningFactor`). */
export interface Cleaning {
  /** Periods after the first sale without stock (left out). */
  outOfStock: number;
  /** Periods of episodes demand came back from (left out). */
  anomalies?: number;
  /** Periods of a spike at the very end of the history, too recent to tell from a shift (left out). */
  atTheEnd?: number;
  /** The longest such spike left out (a promotion's longest run, in periods). */
  longestEndSpike?: number;
  /** A lasting change of level: the model is fitted on the periods from `since` on. */
  shift?: { change: number; since: number } | null;
}

/** What cleaning left out of the history before the fit ("12 days out of stock left out"), or null. */
export function cleaningFactor(
  { outOfStock, anomalies = 0, atTheEnd = 0, longestEndSpike = 0, shift }: Cleaning,
  options: ForecastOptions,
): Factor | null {
  const unit = unitOf(options);
  const parts: string[] = [];
  if (outOfStock)
    parts.push(`${outOfStock} ${unit}${outOfStock === 1 ? '' : 's'} out of stock left out`);
  const episodes = anomalies - atTheEnd;
  if (episodes)
    parts.push(
      `${episodes} unusual ${unit}${episodes === 1 ? '' : 's'} (a promotion or one-off) that demand came back from left out`,
    );
  if (atTheEnd)
    parts.push(
      `${atTheEnd === 1 ? `the last ${unit}'s` : `the last ${atTheEnd} ${unit}s'`} spike left out as a likely promotion (followed should it last over ${longestEndSpike === 1 ? `a ${unit}` : `${longestEndSpike} ${unit}s`})`,
    );
  const sentences: string[] = [];
  if (parts.length) {
    const text = parts.join('; ');
    sentences.push(`${text[0]!.toUpperCase()}${text.slice(1)}, not counted as demand`);
  }
  if (shift)
    sentences.push(
      `Demand changed for good (${signed(shift.change)}): the model is fitted on the ${unit}s since, the ${shift.since} ${unit}${shift.since === 1 ? '' : 's'} before left out`,
    );
  if (!sentences.length) return null;
  return {
    name: 'cleaning',
    description: sentences.join('. '),
    value: outOfStock + anomalies + (shift?.since ?? 0),
  };
}
