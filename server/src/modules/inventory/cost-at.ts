import type { Db } from '../../db/pool';
import * as past from './ledger-past.repo';

/** A product's cost edits around a moment (the products module's history): times as TIME_KEY text. */
export interface CostEdits {
  /** The last edit at or before the moment, and the cost it set. */
  before?: { at: string; cost: number | null };
  /** The first edit after it, and the cost it replaced. */
  after?: { at: string; cost: number | null };
}

export type CostEditsAround = (
  db: Db,
  storeId: string,
  productIds: readonly string[],
  at: Date,
) => Promise<Map<string, CostEdits>>;

/**
 * The unit cost each product had at `at`, a moment already past (a sale sent late by a till
 * that kept it offline). Only receipts (the moving average) and edits (a cost typed in or an
 * invoice's price accepted) change a cost, so:
 * - nothing changed it since: the cost now;
 * - an edit changed it first: the cost that edit replaced;
 * - a receipt did: the cost at the last moment known at or before `at` (the cost recorded by
 *   the last movement that is not a receipt, or set by the last edit, whichever is later),
 *   carried through the receipts between that moment and `at` by the moving-average rule the
 *   ledger applied when they came in (repo.applyDeltas), to the cent.
 * Times are compared as the database's microsecond text. An edit made in the same transaction
 * as a receipt (an invoice that receives, then accepts its price) counts as after it.
 */
export async function costsAt(
  db: Db,
  storeId: string,
  costsNow: Map<string, number | null>,
  at: Date,
  editsAround: CostEditsAround,
): Promise<Map<string, number | null>> {
  const ids = [...costsNow.keys()];
  const edits = await editsAround(db, storeId, ids, at);
  const receipts = await past.firstReceiptsAfter(db, storeId, ids, at);
  const result = new Map<string, number | null>();
  for (const id of ids) {
    const edit = edits.get(id) ?? {};
    const receipt = receipts.get(id);
    if (!edit.after && !receipt) result.set(id, costsNow.get(id) ?? null);
    else if (edit.after && (!receipt || edit.after.at < receipt)) result.set(id, edit.after.cost);
    else result.set(id, await replayed(db, storeId, id, at, edit.before, costsNow.get(id) ?? null));
  }
  return result;
}

async function replayed(
  db: Db,
  storeId: string,
  productId: string,
  at: Date,
  editBefore: CostEdits['before'],
  costNow: number | null,
): Promise<number | null> {
  const moved = await past.lastCostAtOrBefore(db, storeId, productId, at);
  const anchor = !moved || (editBefore && editBefore.at >= moved.at) ? editBefore : moved;
  const receipts = await past.receiptsBetween(db, storeId, productId, anchor?.at ?? null, at);
  // Nothing is known of the product up to `at`: the cost now is the best there is.
  if (!anchor && !receipts.length) return costNow;
  return receipts.reduce<number | null>((cost, r) => averaged(cost, r), anchor?.cost ?? null);
}

/** The moving average after a receipt, as repo.applyDeltas computes it (round half up, cents). */
export function averaged(cost: number | null, r: past.PastReceipt): number | null {
  if (r.unitCost === null || r.delta <= 0) return cost;
  if (cost === null || r.onHandBefore <= 0) return r.unitCost;
  const cents =
    (r.onHandBefore * Math.round(cost * 100) + r.delta * Math.round(r.unitCost * 100)) /
    (r.onHandBefore + r.delta);
  return Math.round(cents) / 100;
}
