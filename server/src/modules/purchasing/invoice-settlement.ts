import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import type { Db } from '../../db/pool';
import * as context from './invoice-context.repo';
import * as receiptLines from './receipt-lines.repo';
import * as supplierItems from './supplier-items.repo';

export type { CandidateOrder, UninvoicedReceipt } from './invoice-context.repo';

/**
 * Purchasing's side of matching a supplier's invoice three ways: what the supplier's orders
 * say (ordered), what came in and is not invoiced yet (received), and settling those receipts
 * when the invoice is reconciled. The invoices module reaches these through its
 * PurchasingPort, never through purchasing's tables.
 */
export const invoiceSettlement = {
  /**
   * The orders and uninvoiced receipts an invoice of these products could settle. In a
   * reconciliation (`lock`), the orders are locked first, so a delivery being received on one
   * of them is either seen whole or waits until the invoice is reconciled.
   */
  async invoiceContext(
    db: Db,
    storeId: string,
    supplierId: string,
    productIds: string[],
    opts: { lock?: boolean } = {},
  ) {
    if (!productIds.length) return { orders: [], receipts: [] };
    const orders = await context.candidateOrders(db, storeId, supplierId, productIds, opts.lock);
    const receipts = await context.uninvoicedReceipts(db, storeId, supplierId, productIds);
    return { orders, receipts };
  },

  /**
   * An invoice settles receipt lines (units of each), once: a unit already invoiced is a
   * ConflictError. What the supplier charged becomes its last cost for the products.
   */
  async settleReceiptsInTx(
    tx: PoolClient,
    ctx: Pick<StoreContext, 'storeId'>,
    input: {
      supplierId: string;
      lines: Array<{ receiptLineId: string; quantity: number }>;
      costs: Array<{ productId: string; unitCost: number }>;
    },
  ) {
    await receiptLines.settle(tx, ctx.storeId, input.lines);
    // One row per product (the last cost given wins): an upsert may not touch a row twice.
    const costs = [...new Map(input.costs.map((c) => [c.productId, c])).values()];
    await supplierItems.recordCosts(tx, ctx.storeId, input.supplierId, costs);
  },
};
