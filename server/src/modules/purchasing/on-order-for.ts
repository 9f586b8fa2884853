import type { StoreContext } from '../../core/context';
import type { Db } from '../../db/pool';
import type { SuppliersService } from '../suppliers/suppliers.service';
import { NOTHING_ON_ORDER, plusDays, type OnOrder } from './on-order';
import * as repo from './on-order.repo';

/**
 * What is on order per product (every id in the answer, 0 when nothing): the lines of open
 * orders not yet received, each with the day it is due (the order's expected date, else the
 * day it was placed plus the supplier's lead time). With `until`, lines due after it are left
 * out; a line with no known due day stays in (it may come any day). Other modules count stock
 * on order through this, never through purchasing's tables.
 */
export function createOnOrderFor(deps: {
  timezoneOf(ctx: Pick<StoreContext, 'storeId'>): Promise<string>;
  suppliers: Pick<SuppliersService, 'leadTimesOf'>;
}) {
  return async function onOrderFor(
    db: Db,
    storeId: string,
    productIds: readonly string[],
    until?: string,
  ): Promise<Map<string, OnOrder>> {
    const out = new Map<string, OnOrder>(productIds.map((id) => [id, NOTHING_ON_ORDER]));
    const timezone = await deps.timezoneOf({ storeId });
    const rows = await repo.openLines(db, storeId, timezone, productIds);
    if (!rows.length) return out;
    const supplierIds = [...new Set(rows.map((r) => r.supplier_id))];
    const leads = await deps.suppliers.leadTimesOf(db, storeId, supplierIds);
    for (const r of rows) {
      const lead = leads.get(r.supplier_id);
      const expectedAt = r.expected_at ?? (lead != null ? plusDays(r.ordered_day, lead) : null);
      if (until !== undefined && expectedAt !== null && expectedAt > until) continue;
      const current = out.get(r.product_id)!;
      out.set(r.product_id, {
        quantity: current.quantity + r.open,
        lines: [
          ...current.lines,
          {
            purchaseOrderId: r.purchase_order_id,
            orderNumber: r.order_number,
            supplierId: r.supplier_id,
            status: r.status,
            quantity: r.open,
            expectedAt,
          },
        ],
      });
    }
    return out;
  };
}
