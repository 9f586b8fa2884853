import type { Db } from '../../db/pool';
import type { ReorderSources } from './reorder-sources';

/** Products that sold within this window are the candidates of a reorder list. */
export const DEMAND_WINDOW_DAYS = 30;

/**
 * Expected units sold per day over the next `horizonDays`, per product: the demand forecast
 * (forecasting/expected-demand.ts: the stored forecast when fresh, else one made now from up
 * to a year of daily sales, else the 30-day average for a product with too little history).
 * Sales count as everywhere: completed sales less the units refunded from them; voided sales
 * count for nothing. This is the one place demand is computed for reorder lists. A product
 * without sales is 0.
 */
export async function dailyDemand(
  sources: Pick<ReorderSources, 'expectedDailyDemand'>,
  db: Db,
  storeId: string,
  productIds: readonly string[],
  horizonDays: number,
): Promise<Map<string, number>> {
  return sources.expectedDailyDemand(db, storeId, productIds, horizonDays);
}
