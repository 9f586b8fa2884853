/**
 * A product's daily forecast made now from its year of history: the model the forecast chart
 * draws, the stock outlook's demand figure and reorder point, and the reorder plan's safety
 * stock when the product has no stored forecast, so the plan and the outlook suggest the same
 * reorder point.
 */
import { breather } from '../../core/cooperate';
import type { Db } from '../../db/pool';
import type { SeriesProduct } from '../products/products.reads';
import { forecastSeries } from './forecast';
import { loadSeries } from './load-series';
import { DEMAND_DAYS, type DailyForecast } from './prediction';
import { weekdayOf, type DailySeries } from './series';
import type { ForecastSources } from './sources';

/** Products forecast on the fly per request when no fresh stored forecast exists (~3–5 ms each). */
export const ON_THE_FLY_LIMIT = 200;

/** The product's daily model, as the chart draws it: the one the demand figure comes from. */
export function dailyForecastOf(series: DailySeries, today: string): DailyForecast | null {
  const result = forecastSeries(series.values, {
    horizon: DEMAND_DAYS,
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
