/**
 * Expected daily demand over the next days per product, as reorder lists use it
 * (shopping-lists/demand.ts): the stored forecast when the last recalculation is fresh, else
 * a forecast made now from the daily series, else (too little history to forecast) the
 * average daily sales of the last 30 days.
 */
import type { Db } from '../../db/pool';
import { forecastSeries } from './forecast';
import { forecastsOf } from './forecasts.repo';
import { loadSeries } from './load-series';
import { average30, forecastDemand } from './prediction';
import { storedDailyForecast } from './recalculate';
import { productsByIds, storeTimezone } from './series.repo';
import { todayIn } from './series';

export async function expectedDailyDemand(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  horizonDays: number,
): Promise<Map<string, number>> {
  const demand = new Map<string, number>(productIds.map((id) => [id, 0]));
  if (!productIds.length) return demand;
  const days = Math.min(365, Math.max(1, Math.ceil(horizonDays)));
  const tz = await storeTimezone(db, storeId);
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
  const products = await productsByIds(db, storeId, tz, rest);
  const series = await loadSeries(db, storeId, tz, products, today);
  for (const [id, s] of series) {
    const f = forecastSeries(s.values, { horizon: days, seasonLength: 7 });
    demand.set(
      id,
      f.status === 'ok' ? f.points.reduce((n, p) => n + p.mean, 0) / f.points.length : average30(s),
    );
  }
  return demand;
}
