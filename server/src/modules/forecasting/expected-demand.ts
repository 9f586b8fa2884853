/**
 * Expected daily demand over the next days per product, as reorder lists use it
 * (shopping-lists/demand.ts): the stored forecast when the last recalculation is fresh, else
 * a forecast made now from the daily series (for the 200 best sellers without one), else (too
 * little history to forecast, or beyond those 200) the average daily sales of the last 30 days.
 */
import { breather } from '../../core/cooperate';
import type { Db } from '../../db/pool';
import { forecastSeries } from './forecast';
import { forecastsOf } from './forecasts.repo';
import { ON_THE_FLY_LIMIT } from './live-forecast';
import { loadSeries } from './load-series';
import { AVERAGE_DAYS, average30, forecastDemand } from './prediction';
import { storedDailyForecast } from './recalculate';
import { todayIn, weekdayOf } from './series';
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
  const tz = (await sources.timezoneIn(db, storeId)) ?? 'UTC';
  const today = todayIn(tz);
  const stored = await forecastsOf(db, storeId, productIds);
  const rest: string[] = [];
  for (const id of productIds) {
    const f = storedDailyForecast(stored.get(id));
    const mean = f ? forecastDemand(f, today, days) : null;
    if (mean === null) rest.push(id);
    else demand.set(id, mean);
  }
  if (!rest.length) return demand;
  const products = await sources.products.series.byIds(db, storeId, tz, rest);
  const recent = await loadSeries(sources, db, storeId, tz, products, today, AVERAGE_DAYS);
  for (const [id, s] of recent) demand.set(id, average30(s));
  // Forecasting costs a few ms a product: within a request only the best sellers are
  // forecast now (from a year of history), the others keep their 30-day average until the
  // recalculation stores their forecasts.
  const best = products
    .filter((p) => demand.get(p.id)! > 0)
    .sort((a, b) => demand.get(b.id)! - demand.get(a.id)!)
    .slice(0, ON_THE_FLY_LIMIT);
  const breathe = breather();
  for (const [id, s] of await loadSeries(sources, db, storeId, tz, best, today)) {
    await breathe(); // a request: other requests get the event loop between forecasts
    const f = forecastSeries(s.values, {
      horizon: days,
      seasonLength: 7,
      period: 'day',
      firstWeekday: weekdayOf(s.start),
      missing: s.missing,
    });
    if (f.status === 'ok')
      demand.set(id, f.points.reduce((n, p) => n + p.mean, 0) / f.points.length);
  }
  return demand;
}
