/**
 * Expected daily demand over the next days per product, as reorder lists use it
 * (shopping-lists/demand.ts): the mean over the horizon of the product's daily forecast, the
 * same one the product page and the reorder plan read (live-forecast.ts: the stored forecast
 * when the last recalculation is fresh, else one made now for the 200 best sellers without
 * one), else (too little history to forecast, or beyond those 200) the average daily sales of
 * the last 30 days.
 */
import type { Db } from '../../db/pool';
import { freshForecasts, liveDailyForecasts } from './live-forecast';
import { loadSeries } from './load-series';
import { AVERAGE_DAYS, average30, forecastDemand } from './prediction';
import { todayIn } from './series';
import type { ForecastSources } from './sources';

export async function expectedDailyDemand(
  sources: ForecastSources,
  db: Db,
  storeId: string,
  productIds: readonly string[],
  horizonDays: number,
): Promise<Map<string, number>> {
  const demand = new Map<string, number>(productIds.map((id) => [id, 0]));
  if (!productIds.length) return demand;
  const days = Math.min(365, Math.max(1, Math.ceil(horizonDays)));
  const timezone = (await sources.timezoneIn(db, storeId)) ?? 'UTC';
  const today = todayIn(timezone);
  const forecasts = await freshForecasts(db, storeId, productIds, today);
  const rest = productIds.filter((id) => !forecasts.has(id));
  if (rest.length) {
    const products = await sources.products.series.byIds(db, storeId, timezone, rest);
    const recent = await loadSeries(sources, db, storeId, timezone, products, today, AVERAGE_DAYS);
    for (const [id, s] of recent) demand.set(id, average30(s));
    // Forecasting costs a few ms a product: within a request only the best sellers are
    // forecast now, the others keep their 30-day average until the recalculation stores theirs.
    const best = products
      .filter((p) => demand.get(p.id)! > 0)
      .sort((a, b) => demand.get(b.id)! - demand.get(a.id)!);
    const live = await liveDailyForecasts(sources, db, {
      storeId,
      timezone,
      today,
      products: best,
    });
    for (const [id, f] of live) forecasts.set(id, f);
  }
  for (const [id, f] of forecasts) {
    const mean = forecastDemand(f, today, days);
    if (mean !== null) demand.set(id, mean);
  }
  return demand;
}
