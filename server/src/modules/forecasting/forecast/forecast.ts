/**
 * `forecastSeries(history, options)`: picks a model for the item's demand, forecasts it with
 * an interval, and measures its accuracy on the item's own recent history.
 * - intermittent demand (ADI > 1.32): Croston-SBA or TSB, by `chooseIntermittent`;
 * - otherwise the ETS family chosen by AICc: additive models for any series, and for strictly
 *   positive ones also multiplicative seasons and multiplicative errors (ets.ts).
 */
import {
  accuracyOf,
  backtestPairs,
  backtestPlan,
  naiveScale,
  type BacktestPlan,
  type Pair,
} from './backtest';
import { specName } from './ets';
import { akaikeMembers, combinedMeans, combineForecasts, reweighed } from './ets-combine';
import { fitEts, refilter, type EtsFit } from './ets-fit';
import { etsMethod, rankEts } from './ets-select';
import { levelShift } from './breaks';
import { cleanHistory } from './cleaning';
import {
  cleaningFactor,
  intermittencyFactor,
  levelFactor,
  methodFactor,
  METHOD_NAMES,
  selectionFactor,
  trendFactor,
  seasonFactor,
} from './factors';
import {
  chooseIntermittent,
  intermittency,
  intermittentInterval,
  isIntermittent,
  periodVariance,
} from './intermittent';
import { studentQuantile } from './stats';
import type {
  Factor,
  ForecastOptions,
  ForecastPoint,
  ForecastResult,
  Method,
  Series,
} from './types';

/** The default central coverage of an interval. */
const DEFAULT_LEVEL = 0.8;
/** Interval calibration: held-out periods the prior counts as (shrinks a short backtest's ratio towards 1). */
const CALIBRATION_PRIOR = 20;
/** …and the range the widening factor stays in. */
const CALIBRATION_MIN = 0.8;
const CALIBRATION_MAX = 2;
/**
 * The longest a promotion runs, in periods: a spike at the very end of the history no longer
 * than this is left out as a likely one (`cleanHistory`); a longer one is a change of level.
 * A month: a promotion in the last weeks lifts that month alone (the bench's late promotions
 * by month: MASE 2.11 → 1.01, every other kind unchanged); a new level lifts the next month
 * too and is followed from then on, one month later than without this.
 */
const LONGEST_PROMOTION = { day: 14, week: 2, month: 1, quarter: 0 };
/** Full seasons of history a monthly or weekly season needs before it is offered. */
const SEASONS_NEEDED = 3;

/** Fewest periods (from the first sale on) we forecast from, by period; seasonal daily data need four seasons. */
const MINIMUM_HISTORY = { quarter: 4, month: 6, week: 8, day: 28, seasons: 4, otherwise: 8 };

/** Fewest periods (from the first sale on) we forecast from: four weeks of days, 8 weeks, 6 months, 4 quarters. */
export function minimumHistory(options: ForecastOptions): number {
  if (options.period === 'quarter') return MINIMUM_HISTORY.quarter;
  if (options.period === 'month') return MINIMUM_HISTORY.month;
  if (options.period === 'week') return MINIMUM_HISTORY.week;
  if (options.seasonLength > 1)
    return Math.max(MINIMUM_HISTORY.day, MINIMUM_HISTORY.seasons * options.seasonLength);
  return MINIMUM_HISTORY.otherwise;
}

/**
 * The season a series of `periods` periods is offered: the weekly pattern (7) for daily data;
 * 4 for quarterly, 12 for monthly and 52 for weekly data once there are three years of them;
 * else none (1).
 */
export function seasonLengthFor(
  period: NonNullable<ForecastOptions['period']>,
  periods: number,
): number {
  if (period === 'day') return 7;
  const m = period === 'quarter' ? 4 : period === 'month' ? 12 : 52;
  return periods >= SEASONS_NEEDED * m ? m : 1;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** What every forecasting path needs about the series, instead of a long argument list. */
interface Context {
  y: number[];
  m: number;
  options: ForecastOptions;
  level: number;
  plan: BacktestPlan;
  scale: number;
  /** Index of the first sale in the history given (the weekday factor's offset). */
  first: number;
  /** Periods after the first sale left out as out of stock. */
  outOfStock: number;
}

export function forecastSeries(history: Series, options: ForecastOptions): ForecastResult {
  const level =
    options.level !== undefined && options.level > 0 && options.level < 1
      ? options.level
      : DEFAULT_LEVEL;
  // Periods before the first sale are before the item was sold at all: not zero demand.
  // (A missing or negative value, e.g. a period of net returns, counts as no demand.)
  // A period known to be missing (out of stock) is NaN: the filter runs through it.
  const clean = history.map((v, i) =>
    options.missing?.[i] ? NaN : Number.isFinite(v) && v > 0 ? v : 0,
  );
  const first = clean.findIndex((v) => v > 0);
  const y = first < 0 ? [] : clean.slice(first);
  const observed = y.filter((v) => !Number.isNaN(v));
  const needed = minimumHistory(options);
  if (observed.length < needed) {
    const unit = options.period ?? 'period';
    return {
      status: 'insufficient_history',
      needed,
      available: observed.length,
      message:
        observed.length === 0
          ? `Not enough history to forecast: no sales yet (at least ${needed} ${unit}s needed).`
          : `Not enough history to forecast: ${observed.length} ${unit}s in stock since the first sale, at least ${needed} needed.`,
    };
  }
  const m = options.seasonLength > 1 ? Math.round(options.seasonLength) : 1;
  const plan = backtestPlan(y.length, m);
  const context: Context = {
    y,
    m,
    options,
    level,
    plan,
    scale: naiveScale(y.slice(0, plan.train), m),
    first,
    outOfStock: y.length - observed.length,
  };
  // Intermittent methods count the periods between sales: missing ones are simply left out.
  return isIntermittent(observed)
    ? intermittentForecast({ ...context, y: observed, plan: backtestPlan(observed.length, m) })
    : etsForecast(context);
}

/**
 * How much wider (or narrower) than the model's the backtest says the intervals should be:
 * the held-out errors' mean squared size against the model's variance at each step
 * (`variances[step]`), shrunk towards 1 as if CALIBRATION_PRIOR more periods had matched (a
 * few held-out periods are noisy), and kept within CALIBRATION_MIN–MAX. The model's variance
 * leaves out the parameters' own uncertainty, which matters for short or trending series.
 */
function calibration(pairs: readonly Pair[], variances: readonly number[]): number {
  if (!pairs.length || !(variances[0]! > 0)) return 1;
  let ratio = 0;
  for (const p of pairs)
    ratio += (p.actual - p.predicted) ** 2 / Math.max(variances[p.step]!, 1e-12);
  const shrunk = Math.sqrt((ratio + CALIBRATION_PRIOR) / (pairs.length + CALIBRATION_PRIOR));
  return Math.min(CALIBRATION_MAX, Math.max(CALIBRATION_MIN, shrunk));
}

const byAicc = (a: EtsFit, b: EtsFit) => a.aicc - b.aicc;

/**
 * The models the forecast combines (`akaikeMembers`), fitted on the history as cleaning left
 * it: episodes demand came back from (a promotion) are left out and the members refitted;
 * after a lasting level shift (`levelShift`) with enough periods since, only the periods
 * since it (from a whole season on, so weekdays keep their place) are fitted, afresh.
 */
function membersFor(context: Context) {
  const { m } = context;
  const ranked = rankEts(context.y, m);
  const longestEndSpike = LONGEST_PROMOTION[context.options.period ?? 'day'];
  const cleaned = ranked[0] ? cleanHistory(context.y, ranked[0], { longestEndSpike }) : null;
  const y = cleaned?.y ?? context.y;
  const anomalies = cleaned?.anomalies.length ?? 0;
  const atTheEnd = cleaned?.atTheEnd ?? 0;
  const shift =
    ranked[0] && levelShift(y, ranked[0], { minAfter: minimumHistory(context.options) });
  if (shift) {
    const since = Math.ceil(shift.at / m) * m;
    const recent = y.slice(since);
    const reranked = rankEts(recent, m);
    if (reranked.length)
      return {
        ranked: reranked,
        members: akaikeMembers(reranked),
        y: recent,
        plan: backtestPlan(recent.length, m),
        anomalies,
        atTheEnd,
        longestEndSpike,
        shift: { ...shift, since },
      };
  }
  let members = akaikeMembers(ranked);
  if (anomalies) {
    const refitted = members
      .map(({ fit }) => fitEts(y, fit.spec, m, { start: fit.solution }))
      .filter((f): f is EtsFit => f !== null)
      .sort(byAicc);
    if (refitted.length) members = reweighed(refitted);
  }
  return {
    ranked,
    members,
    y,
    plan: context.plan,
    anomalies,
    atTheEnd,
    longestEndSpike,
    shift: null,
  };
}

function etsForecast(context: Context): ForecastResult {
  const { m, options, level, scale, first } = context;
  const { ranked, members, y, plan, ...cleaning } = membersFor(context);
  const best = members[0]?.fit;
  // (simple smoothing fits any series of the minimum history: a guard, not a path)
  if (!best)
    return {
      status: 'insufficient_history',
      needed: minimumHistory(options),
      available: y.length,
      message: 'Not enough history to fit a forecasting model.',
    };
  const method = etsMethod(best.spec);
  // Backtest: refit the members on the history before the window (no peeking), weighed by
  // their AICc there. (Should a training part be too short, the full fits stand in: their
  // errors then flatter them, so they do not calibrate the interval.) Each refit starts from
  // the full fit's parameters, which the last four weeks rarely move far: half the
  // optimiser's runs of a cold start.
  const train = y.slice(0, plan.train);
  const trainFits = members.map(({ fit }) => fitEts(train, fit.spec, m, { start: fit.solution }));
  const refitted = trainFits.every((f) => f !== null);
  const trainMembers = refitted ? reweighed(trainFits as EtsFit[]) : members;
  const pairs = backtestPairs(y, plan, (o, h) =>
    combinedMeans(
      trainMembers,
      trainMembers.map(({ fit }) => refilter(fit, y.slice(0, o))),
      h,
    ),
  );
  const steps = Math.max(0, ...pairs.map((p) => p.step)) + 1;
  const widen = refitted ? calibration(pairs, combineForecasts(trainMembers, steps).variances) : 1;
  const z = studentQuantile((1 + level) / 2, best.n - best.k) * widen;
  const combined = combineForecasts(members, options.horizon);
  const points: ForecastPoint[] = combined.means.map((mu, i) => {
    const half = z * Math.sqrt(combined.variances[i]!);
    return {
      mean: Math.max(0, mu),
      lower: Math.max(0, mu - half),
      upper: Math.max(0, mu + half),
      seasonal: combined.seasonal[i]!,
    };
  });
  const factors: Factor[] = [
    methodFactor(method, specName(best.spec)),
    selectionFactor(ranked, members),
  ];
  factors.push(levelFactor(Math.max(0, best.final.level), options), trendFactor(best, options));
  const season = seasonFactor(best, options.firstWeekday, first);
  if (season) factors.push(season);
  const stats = intermittency(y);
  if (stats.zeroShare >= 0.2)
    factors.push(intermittencyFactor(stats.zeroShare, stats.adi, null, options));
  const cleaningDone = cleaningFactor({ outOfStock: context.outOfStock, ...cleaning }, options);
  if (cleaningDone) factors.push(cleaningDone);
  return {
    status: 'ok',
    method,
    points,
    sigma: best.sigma,
    totalSd: combined.totalVariances.map((v) => widen * Math.sqrt(v)),
    accuracy: accuracyOf(pairs, scale),
    factors,
    level,
    seasonLength: m,
  };
}

function intermittentForecast(context: Context): ForecastResult {
  const { y, options, level, plan, scale } = context;
  const { winner, other } = chooseIntermittent(y, plan);
  const fit = winner.fitOn(y);
  const method: Method = fit.method;
  const rate = Math.max(0, fit.rate);
  const { lower, upper } = intermittentInterval(y, rate, level);
  const points: ForecastPoint[] = Array.from({ length: options.horizon }, () => ({
    mean: rate,
    lower: Math.min(lower, rate),
    upper: Math.max(upper, rate),
    seasonal: 0,
  }));
  const stats = intermittency(y);
  const factors: Factor[] = [
    methodFactor(method),
    {
      name: 'selection',
      description: `Intermittent demand (a sale every ${round(stats.adi, 1)} ${options.period ?? 'period'}s on average, above 1.32): ${METHOD_NAMES[method]} had the lower backtest error, RMSE ${round(winner.rmse)} against ${round(other.rmse)}`,
      value: round(other.rmse - winner.rmse, 3),
    },
    levelFactor(rate, options),
    intermittencyFactor(stats.zeroShare, stats.adi, fit, options),
  ];
  const cleaning = cleaningFactor({ outOfStock: context.outOfStock }, options);
  if (cleaning) factors.push(cleaning);
  // the total over h periods: h independent periods of sizes seen, rescaled to the rate
  const variance = periodVariance(y, rate);
  return {
    status: 'ok',
    method,
    points,
    sigma: fit.sigma,
    totalSd: points.map((_, i) => Math.sqrt((i + 1) * variance)),
    accuracy: accuracyOf(winner.pairs, scale),
    factors,
    level,
    seasonLength: 1,
  };
}
