/**
 * A product's daily forecast, the one every answer reads: the stored one when the last
 * recalculation is fresh, else one made now from its year of history (for the best sellers of
 * a request). The forecast chart, the stock outlook's demand figure and reorder point, the
 * reorder plan's safety stock and reorder lists' expected demand all take their means from it,
 * so they agree for the same product and horizon.
 */
import { breather } from '../../core/cooperate';
import type { Db } from '../../db/pool';
import type { SeriesProduct } from '../products/products.reads';
import { forecastSeries } from './forecast';
import { forecastsOf } from './forecasts.repo';
import { loadSeries } from './load-series';
import { FORECAST_DAYS, forecastDemand, type DailyForecast } from './prediction';
import { storedDailyForecast } from './recalculate';
import { weekdayOf, type DailySeries } from './series';
import type { ForecastSources } from './sources';

/** Products forecast on the fly per request when no fresh stored forecast exists (~3–5 ms each). */
export const ON_THE_FLY_LIMIT = 200;

/**
 * The product's daily model made now, as the chart draws it and the recalculation stores it
 * (FORECAST_DAYS ahead, so any horizon up to it reads the same means).
 */
export function dailyForecastOf(series: DailySeries, today: string): DailyForecast | null {
  const result = forecastSeries(series.values, {
    horizon: FORECAST_DAYS,
    seasonLength: 7,
    period: 'day',
    firstWeekday: weekdayOf(series.start),
    missing: series.missing,
  });
  if (result.status !== 'ok') return null;
  return {
    start: today,
    mean: result.points.map((p) => p.mean),
    sigma: result.sigma,
    totalSd: result.totalSd,
  };
}

/** The usable stored forecasts of these products from a fresh recalculation, with days left from today. */
export async function freshForecasts(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  today: string,
): Promise<Map<string, DailyForecast>> {
  const out = new Map<string, DailyForecast>();
  for (const [id, f] of await forecastsOf(db, storeId, productIds)) {
    const usable = storedDailyForecast(f);
    if (usable && forecastDemand(usable, today, 1) !== null) out.set(id, usable);
  }
  return out;
}

/**
 * Daily forecasts made now for these products (the caller passes the best sellers first; at
 * most ON_THE_FLY_LIMIT are forecast, the others wait for the recalculation), from a year of
 * history as the outlook loads it, yielding the event loop between products.
 */
export async function liveDailyForecasts(
  sources: ForecastSources,
  db: Db,
  input: { storeId: string; timezone: string; today: string; products: readonly SeriesProduct[] },
): Promise<Map<string, DailyForecast>> {
  const { storeId, timezone, today } = input;
  const products = input.products.slice(0, ON_THE_FLY_LIMIT);
  const out = new Map<string, DailyForecast>();
  if (!products.length) return out;
  const breathe = breather();
  for (const [id, series] of await loadSeries(sources, db, storeId, timezone, products, today)) {
    await breathe(); // a request: other requests get the event loop between forecasts
    const forecast = dailyForecastOf(series, today);
    if (forecast) out.set(id, forecast);
  }
  return out;
}
