import type { Db } from '../../db/pool';
import type { SeriesProduct } from '../products/products.reads';
import type { ForecastSources } from './sources';
import { addDays, dailySeries, HISTORY_DAYS, type DailySeries } from './series';

/** Products per sales query: one statement per batch, never one per product. */
export const SERIES_BATCH = 500;

/**
 * The daily series of these products over the last `days` days up to yesterday (store days),
 * with the days they had no stock at all marked missing, a batch of products per query.
 */
export async function loadSeries(
  sources: Pick<ForecastSources, 'salesByDay' | 'zeroStockDays'>,
  db: Db,
  storeId: string,
  timezone: string,
  products: readonly SeriesProduct[],
  today: string,
  days = HISTORY_DAYS,
): Promise<Map<string, DailySeries>> {
  const from = addDays(today, -days);
  const out = new Map<string, DailySeries>();
  for (let i = 0; i < products.length; i += SERIES_BATCH) {
    const batch = products.slice(i, i + SERIES_BATCH);
    const ids = batch.map((p) => p.id);
    const rows = await sources.salesByDay(db, storeId, timezone, ids, from, today);
    const zero = await sources.zeroStockDays(db, storeId, timezone, ids, from, today);
    for (const [id, s] of dailySeries(batch, rows, from, today, zero)) out.set(id, s);
  }
  return out;
}
