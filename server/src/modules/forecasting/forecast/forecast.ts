/**
 * `forecastSeries(history, options)`: picks a model for the item's demand, forecasts it with
 * an interval, and measures its accuracy on the item's own recent history.
 * - intermittent demand (ADI > 1.32): Croston-SBA or TSB, whichever had the lower backtest RMSE;
 * - otherwise the additive ETS family (with a weekly season for daily data), chosen by AICc.
 */
import { accuracyOf, backtestPairs, backtestPlan, naiveScale, type Pair } from './backtest';
import {
  fitEts,
  forecastVariances,
  pointForecasts,
  refilter,
  type EtsFit,
  type EtsSpec,
} from './ets';
import {
  intermittencyFactor,
  levelFactor,
  methodFactor,
  METHOD_NAMES,
  trendFactor,
  weekdayFactor,
} from './factors';
import {
  fitSba,
  fitTsb,
  intermittency,
  intermittentInterval,
  isIntermittent,
  rerunIntermittent,
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

/** Fewest periods (from the first sale on) we forecast from: four weeks of days, 8 weeks, 6 months. */
export function minimumHistory(options: ForecastOptions): number {
  if (options.period === 'month') return 6;
  if (options.period === 'week') return 8;
  if (options.seasonLength > 1) return Math.max(28, 4 * options.seasonLength);
  return 8;
}

const SEASONAL_SPECS: EtsSpec[] = [
  { trend: 'N', seasonal: false },
  { trend: 'A', seasonal: false },
  { trend: 'Ad', seasonal: false },
  { trend: 'N', seasonal: true },
  { trend: 'A', seasonal: true },
  { trend: 'Ad', seasonal: true },
];

export function etsMethod(spec: EtsSpec): Method {
  if (spec.seasonal)
    return spec.trend === 'N'
      ? 'seasonal_level'
      : spec.trend === 'A'
        ? 'holt_winters_additive'
        : 'holt_winters_damped';
  return spec.trend === 'N'
    ? 'simple_exponential'
    : spec.trend === 'A'
      ? 'holt_linear'
      : 'holt_damped';
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Fits every candidate ETS model and returns them best (lowest AICc) first. */
export function rankEts(y: readonly number[], m: number): EtsFit[] {
  const specs = SEASONAL_SPECS.filter((s) => !s.seasonal || m > 1);
  return specs
    .map((spec) => fitEts(y, spec, m))
    .filter((f): f is EtsFit => f !== null && Number.isFinite(f.aicc))
    .sort((a, b) => a.aicc - b.aicc);
}

export function forecastSeries(history: Series, options: ForecastOptions): ForecastResult {
  const level =
    options.level !== undefined && options.level > 0 && options.level < 1 ? options.level : 0.8;
  // Periods before the first sale are before the item was sold at all: not zero demand.
  // (A missing or negative value, e.g. a period of net returns, counts as no demand.)
  const clean = history.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const first = clean.findIndex((v) => v > 0);
  const y = first < 0 ? [] : clean.slice(first);
  const needed = minimumHistory(options);
  if (y.length < needed) {
    const unit = options.period ?? 'period';
    return {
      status: 'insufficient_history',
      needed,
      available: y.length,
      message:
        y.length === 0
          ? `Not enough history to forecast: no sales yet (at least ${needed} ${unit}s needed).`
          : `Not enough history to forecast: ${y.length} ${unit}s since the first sale, at least ${needed} needed.`,
    };
  }
  const m = options.seasonLength > 1 ? Math.round(options.seasonLength) : 1;
  const plan = backtestPlan(y.length, m);
  const scale = naiveScale(y.slice(0, plan.train), m);
  if (isIntermittent(y)) return intermittentForecast(y, options, level, plan, scale);
  return etsForecast(y, m, options, level, plan, scale, first);
}

/**
 * How much wider (or narrower) than the analytic ones the backtest says the intervals should
 * be: the held-out errors' mean squared size against the model's variance at each step,
 * shrunk towards 1 as if 20 more periods had matched (a few held-out periods are noisy), and
 * kept within 0.8–2. The analytic variance leaves out the parameters' own uncertainty,
 * which matters for short or trending series.
 */
function calibration(pairs: readonly Pair[], fit: EtsFit): number {
  if (!pairs.length || fit.sigma <= 0) return 1;
  const variances = forecastVariances(fit, Math.max(...pairs.map((p) => p.step)) + 1);
  const ratio = pairs.reduce((s, p) => s + (p.actual - p.predicted) ** 2 / variances[p.step]!, 0);
  const prior = 20;
  return Math.min(2, Math.max(0.8, Math.sqrt((ratio + prior) / (pairs.length + prior))));
}

function etsForecast(
  y: number[],
  m: number,
  options: ForecastOptions,
  level: number,
  plan: ReturnType<typeof backtestPlan>,
  scale: number,
  first: number,
): ForecastResult {
  const ranked = rankEts(y, m);
  const best = ranked[0];
  // (simple smoothing fits any series of the minimum history: a guard, not a path)
  if (!best)
    return {
      status: 'insufficient_history',
      needed: minimumHistory(options),
      available: y.length,
      message: 'Not enough history to fit a forecasting model.',
    };
  const method = etsMethod(best.spec);
  // Backtest: refit the winning model on the history before the window (no peeking).
  // (Should the training part be too short, the full fit stands in: its errors then flatter
  // it, so they do not calibrate the interval.)
  const refit = fitEts(y.slice(0, plan.train), best.spec, m);
  const trainFit = refit ?? best;
  const pairs = backtestPairs(y, plan, (o, h) =>
    pointForecasts(refilter(trainFit, y.slice(0, o)), trainFit, h),
  );
  const widen = refit ? calibration(pairs, refit) : 1;
  const z = studentQuantile((1 + level) / 2, best.n - best.k) * widen;
  const means = pointForecasts(best.final, best, options.horizon);
  const variances = forecastVariances(best, options.horizon);
  const points: ForecastPoint[] = means.map((mu, i) => {
    const half = z * Math.sqrt(variances[i]!);
    const seasonal = best.spec.seasonal ? best.final.season[(best.final.t + i) % m]! : 0;
    return {
      mean: Math.max(0, mu),
      lower: Math.max(0, mu - half),
      upper: Math.max(0, mu + half),
      seasonal,
    };
  });
  const factors: Factor[] = [methodFactor(method)];
  const runnerUp = ranked[1];
  if (runnerUp)
    factors.push({
      name: 'selection',
      description: `Chosen by AICc (lower is better) among ${ranked.length} models: ${round(best.aicc, 1)} against ${round(runnerUp.aicc, 1)} for ${METHOD_NAMES[etsMethod(runnerUp.spec)].toLowerCase()}`,
      value: round(runnerUp.aicc - best.aicc, 2),
    });
  factors.push(levelFactor(Math.max(0, best.final.level), options), trendFactor(best, options));
  const weekday = weekdayFactor(best, options.firstWeekday, first);
  if (weekday) factors.push(weekday);
  const stats = intermittency(y);
  if (stats.zeroShare >= 0.2)
    factors.push(intermittencyFactor(stats.zeroShare, stats.adi, null, options));
  return {
    status: 'ok',
    method,
    points,
    sigma: best.sigma,
    accuracy: accuracyOf(pairs, scale),
    factors,
    level,
  };
}

function intermittentForecast(
  y: number[],
  options: ForecastOptions,
  level: number,
  plan: ReturnType<typeof backtestPlan>,
  scale: number,
): ForecastResult {
  const train = y.slice(0, plan.train);
  const trials = [fitSba, fitTsb].map((fitOn) => {
    const trained = fitOn(train);
    const pairs = backtestPairs(y, plan, (o, h) => {
      // the training fit's parameters re-run up to the origin, as for ETS
      return new Array<number>(h).fill(rerunIntermittent(trained, y.slice(0, o)));
    });
    const rmse = Math.sqrt(
      pairs.reduce((s, p) => s + (p.actual - p.predicted) ** 2, 0) / Math.max(1, pairs.length),
    );
    return { fitOn, trained, pairs, rmse };
  });
  trials.sort((a, b) => a.rmse - b.rmse);
  const winner = trials[0]!;
  const other = trials[1]!;
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
  return {
    status: 'ok',
    method,
    points,
    sigma: fit.sigma,
    accuracy: accuracyOf(winner.pairs, scale),
    factors,
    level,
  };
}
