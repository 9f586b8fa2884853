/**
 * The store's lead times as one function of the supplier (prediction.ts `leadTimeOf`), loaded
 * once per request: how reorder lists, the reorder plan and orders made from them learn a
 * supplier's lead time, so each says the same number of days.
 */
import type { Db } from '../../db/pool';
import { supplierLeadTimes } from './lead-times.repo';
import { leadTimeOf, type LeadTime } from './prediction';

export type LeadTimeOf = (supplierId: string | null) => LeadTime;

export async function loadLeadTimes(db: Db, storeId: string): Promise<LeadTimeOf> {
  const suppliers = await supplierLeadTimes(db, storeId);
  return (supplierId) => leadTimeOf(supplierId, suppliers);
}

/** "3 days", "1 day". */
export const dayWords = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
