import type { Db } from '../../db/pool';
import type { InventoryReads } from '../inventory/inventory.reads';
import * as repo from './consumption.repo';
import type { ProductGrouping } from './groups';
import { addDays, type Period } from './period';

/** The inventory module's reading of its ledger: per product, the days it had no stock. */
export type ZeroStockDays = InventoryReads['zeroStockDays'];

/** Products read from the ledger at a time (one index probe each). */
const CHUNK = 1000;

/**
 * Per group, the days of the period up to today on which it had stock: for a product, the days
 * its ledger shows stock at some moment (as forecasting reads it); for a category or supplier,
 * the days at least one of its products sold in the period had stock. A product without any
 * movement never had stock (0 days).
 */
export async function stockDaysOf(
  db: Db,
  zeroStockDays: ZeroStockDays,
  storeId: string,
  timezone: string,
  groupBy: ProductGrouping,
  groupIds: readonly (string | null)[],
  period: Period,
  today: string,
): Promise<Map<string | null, number>> {
  const out = new Map<string | null, number>();
  if (!groupIds.length) return out;
  const last = period.to < today ? period.to : today;
  if (last < period.from) {
    for (const id of groupIds) out.set(id, 0);
    return out;
  }
  const members =
    groupBy === 'product'
      ? groupIds.flatMap((id) => (id ? [{ group_id: id, product_id: id }] : []))
      : await repo.productsOfGroups(db, storeId, groupBy, groupIds, period.start, period.end);
  const productIds = [...new Set(members.map((m) => m.product_id))];
  const zero = new Map<string, string[]>();
  for (let i = 0; i < productIds.length; i += CHUNK) {
    const chunk = productIds.slice(i, i + CHUNK);
    const read = await zeroStockDays(db, storeId, timezone, chunk, period.from, addDays(last, 1));
    for (const [id, days] of read) zero.set(id, days);
  }
  const stocked = new Map<string | null, Set<string>>();
  for (const { group_id, product_id } of members) {
    const days = stocked.get(group_id) ?? new Set<string>();
    stocked.set(group_id, days);
    const empty = zero.get(product_id);
    if (!empty) continue; // no ledger: never had stock
    const without = new Set(empty);
    for (let d = period.from; d <= last; d = addDays(d, 1)) if (!without.has(d)) days.add(d);
  }
  for (const id of groupIds) out.set(id, stocked.get(id)?.size ?? 0);
  return out;
}
