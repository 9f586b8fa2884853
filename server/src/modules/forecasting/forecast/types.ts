/**
 * The forecasting maths' interface: pure functions over arrays of numbers, no SQL, no HTTP.
 * `forecastSeries(history, options)` in `./index.ts` is the one entry point the services use.
 */

/** One period's demand, oldest first, ending with the last closed period (never today). */
export type Series = readonly number[];

export type Method =
  | 'holt_winters_additive' // level + trend + weekly seasonality (ETS A,A,A)
  | 'holt_winters_damped' // level + damped trend + weekly seasonality (ETS A,Ad,A)
  | 'seasonal_level' // level + weekly seasonality, no trend (ETS A,N,A)
  | 'holt_winters_multiplicative' // level + trend, seasonality proportional to the level (ETS ·,A,M)
  | 'holt_winters_damped_multiplicative' // the same with a damped trend (ETS ·,Ad,M)
  | 'seasonal_level_multiplicative' // level × seasonal factors, no trend (ETS ·,N,M)
  | 'holt_linear' // level + trend (ETS A,A,N or M,A,N)
  | 'holt_damped' // level + damped trend (ETS ·,Ad,N)
  | 'simple_exponential' // level only (ETS ·,N,N)
  | 'croston_sba' // intermittent demand: Syntetos-Boylan approximation
  | 'tsb'; // intermittent demand whose chance of a sale drifts: Teunter-Syntetos-Babai

export interface ForecastOptions {
  /** Periods ahead (1..365 days, 1..52 weeks, 1..12 months: the caller validates). */
  horizon: number;
  /** Season length in periods (`seasonLengthFor`): 7 for daily data, 12 or 52 with three years of months or weeks, 0/1 for none. */
  seasonLength: number;
  /** Central coverage of the prediction interval, default 0.8. */
  level?: number;
  /** The periods' unit: sets the least history needed and the factors' wording. */
  period?: 'day' | 'week' | 'month' | 'quarter';
  /**
   * Periods whose demand was not observed, aligned with the history (true: out of stock the
   * whole day, or before the item was first in stock): left out of the fit, not zero demand.
   */
  missing?: readonly boolean[];
  /** Weekday of `history[0]` for daily data, 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
  firstWeekday?: number;
}

export interface ForecastPoint {
  /** Expected demand in the period (never negative). */
  mean: number;
  /** Interval bounds at `level` (lower ≥ 0). */
  lower: number;
  upper: number;
  /** The seasonal part of `mean` (units, + or −); 0 without a seasonal model. */
  seasonal: number;
}

export interface Accuracy {
  /** Mean absolute percentage error over held-out periods with non-zero actuals, as a fraction (0.12 = 12%); null when none. */
  mape: number | null;
  /** Why mape is null, or which held-out periods it skipped ("actuals are zero …"). */
  mapeNote: string | null;
  rmse: number;
  /** Mean absolute scaled error against the seasonal-naive forecast; null when that is 0 everywhere. */
  mase: number | null;
  /** Mean absolute error relative to mean demand, a fraction 0..∞: the "usually within ±x%" figure. */
  relativeError: number | null;
  /** Held-out periods the figures come from (rolling-origin backtest). */
  points: number;
}

/** What drove the forecast, in words a manager reads plus the number behind it. */
export interface Factor {
  name:
    | 'method'
    | 'level'
    | 'trend'
    | 'weekday'
    | 'season'
    | 'intermittency'
    | 'selection'
    | 'cleaning';
  description: string;
  value?: number | string;
}

export type ForecastResult =
  | {
      status: 'ok';
      method: Method;
      /** `horizon` points, the first being the period after the history's last. */
      points: ForecastPoint[];
      /** Standard deviation of one-period-ahead errors. */
      sigma: number;
      /**
       * Standard deviation of the total demand over the first h periods, `totalSd[h − 1]`
       * (calibrated as the intervals are): what safety stock over a lead time of h needs.
       */
      totalSd: number[];
      accuracy: Accuracy;
      factors: Factor[];
      level: number;
      /** Season length the models were fitted with (7, 12, 52; 1 for none, as for intermittent demand). */
      seasonLength: number;
    }
  | {
      status: 'insufficient_history';
      /** Periods with data the method needs, and what there was. */
      needed: number;
      available: number;
      message: string;
    };
