import type { Db } from '../../db/pool';
import { supplierOffers } from './candidates';
import type { ReorderSources } from './reorder-sources';
import type { SupplierOption } from './suggestion';

/**
 * Every supplier each product can be bought from (candidates.ts `supplierOffers`), each
 * with its lead time as forecasting gives it (measured, else stated, else 7 days, in whole
 * days): the options every supplier choice weighs, so a list, its optimisation and the reorder
 * plan say the same days for the same supplier.
 */
export async function supplierOptions(
  sources: ReorderSources,
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, SupplierOption[]>> {
  const offers = await supplierOffers(sources, db, storeId, productIds);
  const leadOf = await sources.leadTimes(db, storeId);
  return new Map(
    [...offers].map(([productId, list]) => [
      productId,
      list.map((o) => {
        const lead = leadOf(o.supplierId);
        return { ...o, leadTimeDays: lead.days, leadTimeSource: lead.source };
      }),
    ]),
  );
}
