import type { Db } from '../../db/pool';
import { notableAnomalies, sellingRates } from './alert-facts.repo';
import { expectedDailyDemand } from './expected-demand';
import { loadLeadTimes } from './lead-times';
import type { ForecastSources } from './sources';

/**
 * What other modules may read of forecasting: the expected daily demand (stored forecasts,
 * else made now) and the suppliers' lead times as one function of the supplier. Built by the
 * composition root from forecasting's sources before any service, so the reorder lists
 * (which the forecasting service needs for its plan) get them without waiting for it.
 */
export function createForecastReads(sources: ForecastSources) {
  return {
    /** Expected units sold per day over the next `horizonDays`, per product. */
    expectedDailyDemand: (db: Db, storeId: string, ids: readonly string[], horizonDays: number) =>
      expectedDailyDemand(sources, db, storeId, ids, horizonDays),
    /** The store's lead times, measured, else stated, else 7 days, in whole days. */
    leadTimes: (db: Db, storeId: string) => loadLeadTimes(sources, db, storeId),
    /** Selling products' daily rate and lead time, as the last calculation found them. */
    sellingRates,
    /** Each product's most notable unusual day since a day. */
    notableAnomalies,
  };
}

export type ForecastReads = ReturnType<typeof createForecastReads>;
