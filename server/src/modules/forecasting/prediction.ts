/**
 * A product's stock-out prediction and reorder point, from its daily series, its stored or
 * fresh forecast and its supplier's lead time. Pure: the services load, this decides.
 */
import type { SupplierLeadTime } from './lead-times';
import type { PredictionInput } from './predictions.repo';
import { leadTimeSpread, reorderPoint, safetyStock } from './reorder-maths';
import { addDays, daysBetween, type DailySeries } from './series';

/** The average the prediction reports (and falls back on) is over this many days. */
export const AVERAGE_DAYS = 30;
export const DEFAULT_LEAD_TIME_DAYS = 7;
export const DEFAULT_SERVICE_LEVEL = 0.95;
/** A supplier's measured lead time counts once it has this many received orders. */
export const MIN_MEASURED_ORDERS = 3;
/** Days of demand a suggested order covers beyond the reorder point. */
export const REVIEW_DAYS = 14;
/**
 * The product's demand figure is the forecast's mean over this many days from today: four
 * whole weeks, so the weekday pattern averages out. The stock outlook, the reorder point and
 * the forecast chart's caption all quote this one figure.
 */
export const DEMAND_DAYS = 28;
/**
 * Days a daily forecast runs ahead, stored or made now: every answer (the product page, the
 * plan, reorder lists at their horizon) reads its means from one forecast of this length.
 */
export const FORECAST_DAYS = 90;

export type LeadTimeSource = 'supplier_performance' | 'supplier_terms' | 'default';
export interface LeadTime {
  days: number;
  source: LeadTimeSource;
}

/**
 * A supplier's lead time, the one every answer uses (reorder lists, the reorder plan, the stock
 * outlook, an order's expected day): measured over its received orders when there are enough,
 * else its stated terms, else 7 days. In whole days, as it is said ("needs 3 days") and as
 * deliveries come: a measured 2.8 is 3.
 */
export function leadTimeOf(
  supplierId: string | null,
  suppliers: ReadonlyMap<string, SupplierLeadTime>,
): LeadTime {
  const s = supplierId ? suppliers.get(supplierId) : undefined;
  if (s?.measured_days != null && s.measured_orders >= MIN_MEASURED_ORDERS) {
    return { days: Math.round(s.measured_days), source: 'supplier_performance' };
  }
  if (s?.lead_time_days != null) return { days: s.lead_time_days, source: 'supplier_terms' };
  return { days: DEFAULT_LEAD_TIME_DAYS, source: 'default' };
}

/** A daily forecast from `start`: mean per day, the one-day error spread and the totals' spread. */
export interface DailyForecast {
  start: string;
  mean: readonly number[];
  sigma: number;
  /** Standard deviation of the total over the first h days, `totalSd[h − 1]` (absent on older stored forecasts). */
  totalSd?: readonly number[];
}

/** `n` to `digits` decimals, halves away from zero (as toFixed, without the string). */
export const round = (n: number, digits = 2) => {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(n) * f) / f;
  return n < 0 ? -r : r;
};
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The last 30 days (a younger product's missing days count as 0, as the average always did). */
const lastDays = (series: DailySeries) => {
  const tail = series.values.slice(-AVERAGE_DAYS);
  return [...new Array<number>(AVERAGE_DAYS - tail.length).fill(0), ...tail];
};

export const average30 = (series: DailySeries) => sum(lastDays(series)) / AVERAGE_DAYS;

function stdDev(xs: readonly number[]) {
  const m = sum(xs) / xs.length;
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / Math.max(1, xs.length - 1));
}

/** Mean daily demand over the `days` from `today` by the forecast, or null when it has none left. */
export function forecastDemand(forecast: DailyForecast, today: string, days: number) {
  const from = Math.max(0, daysBetween(forecast.start, today));
  const window = forecast.mean.slice(from, from + Math.max(1, Math.ceil(days)));
  return window.length ? sum(window) / window.length : null;
}

export interface DemandEstimate {
  daily: number;
  sigma: number;
  /** The forecast's spread of the total over the first h days (see DailyForecast). */
  totalSd?: readonly number[];
  source: 'forecast' | 'average_30d';
}

/** Demand over the lead time and its spread: the forecast when there is one, else the average. */
export function demandEstimate(
  series: DailySeries,
  forecast: DailyForecast | null,
  today: string,
  days: number,
): DemandEstimate {
  const byForecast = forecast ? forecastDemand(forecast, today, days) : null;
  if (forecast && byForecast !== null) {
    return {
      daily: byForecast,
      sigma: forecast.sigma,
      totalSd: forecast.totalSd,
      source: 'forecast',
    };
  }
  return { daily: average30(series), sigma: stdDev(lastDays(series)), source: 'average_30d' };
}

/** The product's one demand figure: the forecast's daily mean over `DEMAND_DAYS`, else the average. */
export function demandFigure(
  series: DailySeries,
  forecast: DailyForecast | null,
  today: string,
): { perDay: number; source: DemandEstimate['source'] } {
  const byForecast = forecast ? forecastDemand(forecast, today, DEMAND_DAYS) : null;
  if (byForecast !== null) return { perDay: byForecast, source: 'forecast' };
  return { perDay: average30(series), source: 'average_30d' };
}

export function predictionOf(input: {
  productId: string;
  stock: number;
  series: DailySeries;
  forecast: DailyForecast | null;
  leadTime: LeadTime;
  today: string;
  serviceLevel?: number;
}): PredictionInput {
  const { series, stock, leadTime, today } = input;
  const serviceLevel = input.serviceLevel ?? DEFAULT_SERVICE_LEVEL;
  const avg = average30(series);
  const sold = series.values.some((v) => v > 0);
  // One figure for the demand: the days left, the reorder point and the suggestion use it.
  const figure = demandFigure(series, input.forecast, today);
  const daysLeft = figure.perDay > 0 ? Math.max(0, stock) / figure.perDay : null;
  const estimate = demandEstimate(series, input.forecast, today, DEMAND_DAYS);
  const safety = safetyStock(serviceLevel, leadTimeSpread(estimate, leadTime.days));
  const rop = reorderPoint(figure.perDay, leadTime.days, safety);
  return {
    product_id: input.productId,
    avg_daily_sales: round(avg, 4),
    demand_per_day: round(figure.perDay, 4),
    demand_source: figure.source,
    current_stock: stock,
    days_left: daysLeft === null ? null : round(daysLeft, 1),
    stockout_date: daysLeft === null ? null : addDays(today, Math.floor(daysLeft)),
    reorder_point: sold ? round(rop) : null,
    safety_stock: sold ? round(safety) : null,
    suggested_quantity: sold
      ? stock <= rop
        ? Math.max(1, Math.ceil(rop + figure.perDay * REVIEW_DAYS - stock))
        : 0
      : null,
    lead_time_days: sold ? leadTime.days : null,
    service_level: sold ? serviceLevel : null,
    reorder_method: sold ? `${figure.source}+${leadTime.source}` : null,
  };
}
