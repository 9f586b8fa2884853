/**
 * The store's lead times as one function of the supplier (prediction.ts `leadTimeOf`), loaded
 * once per request: how reorder lists, the reorder plan and orders made from them learn a
 * supplier's lead time, so each says the same number of days.
 */
import type { Db } from '../../db/pool';
import { leadTimeOf, type LeadTime } from './prediction';
import type { ForecastSources } from './sources';

export interface SupplierLeadTime {
  supplier_id: string;
  name: string;
  /** The supplier's stated lead time (its terms). */
  lead_time_days: number | null;
  /** Measured: the average days from ordered to completed over its received orders. */
  measured_days: number | null;
  measured_orders: number;
}

export type LeadTimeOf = (supplierId: string | null) => LeadTime;

/**
 * The store's suppliers with their stated lead times (the suppliers module's) and measured
 * ones (purchasing's: ordered → completed, in days, over the completed orders of the last
 * year, as supplier performance measures it): two queries for every supplier.
 */
export async function supplierLeadTimes(
  sources: Pick<ForecastSources, 'suppliers' | 'measuredLeadTimes'>,
  db: Db,
  storeId: string,
): Promise<Map<string, SupplierLeadTime>> {
  const suppliers = await sources.suppliers.summariesOf(db, storeId, 'all');
  const measured = await sources.measuredLeadTimes(db, storeId);
  return new Map(
    [...suppliers].map(([id, s]) => [
      id,
      {
        supplier_id: id,
        name: s.name,
        lead_time_days: s.leadTimeDays,
        measured_days: measured.get(id)?.days ?? null,
        measured_orders: measured.get(id)?.orders ?? 0,
      },
    ]),
  );
}

export async function loadLeadTimes(
  sources: Pick<ForecastSources, 'suppliers' | 'measuredLeadTimes'>,
  db: Db,
  storeId: string,
): Promise<LeadTimeOf> {
  const suppliers = await supplierLeadTimes(sources, db, storeId);
  return (supplierId) => leadTimeOf(supplierId, suppliers);
}

/** "3 days", "1 day". */
export const dayWords = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
