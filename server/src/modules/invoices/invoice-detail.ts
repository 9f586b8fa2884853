import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import type { Db } from '../../db/pool';
import { invoiceLines } from './invoice-lines';
import type * as lineRepo from './invoice-lines.repo';
import { planFor } from './invoice-plan';
import * as reconciliation from './invoice-reconciliation.repo';
import type { ThreeWay } from './invoice-three-way';
import type { InvoiceViews } from './invoice-views';
import type { LookupsPort } from './lookups-port';
import type { PurchasingPort } from './purchasing-port';

type ShownLine = Omit<lineRepo.InvoiceLine, 'decided' | 'action'> & { threeWay: ThreeWay };

const summary = (lines: ShownLine[]) => ({
  matched: lines.filter((l) => l.match.productId).length,
  unmatched: lines.filter((l) => !l.match.productId).length,
  conflicts: lines.filter((l) => l.conflicts.length).length,
  lines,
});

/**
 * A line reconciled before its review was kept (before issue 16, or the demo's): its choice,
 * what it received, and the receipts it is linked to.
 */
const legacyThreeWay = (
  l: lineRepo.InvoiceLine,
  settled: reconciliation.SettledReceipt[],
): ThreeWay => {
  const matched = settled.filter((s) => s.lineId === l.lineId && !s.receivedNow);
  return {
    action: l.action ?? 'skip',
    purchaseOrderId: matched[0]?.purchaseOrderId ?? null,
    ordered: null,
    received: {
      quantity: matched.reduce((n, s) => n + s.quantity, 0),
      receipts: matched.map((s) => ({
        receiptId: s.receiptId,
        receiptLineId: s.receiptLineId,
        purchaseOrderId: s.purchaseOrderId,
        orderNumber: s.orderNumber,
        receivedAt: s.receivedAt ?? '',
        quantity: s.quantity,
        unitCost: null,
      })),
    },
    invoiced: {
      quantity: l.quantity,
      unitCost: l.unitCost,
      total: Math.round(l.quantity * l.unitCost * 100) / 100,
    },
    receiveNow: l.receivedQuantity ?? 0,
    receiveOrder: null,
    orders: [],
    orderChoiceRequired: false,
    variances: [],
    costAccepted: false,
  };
};

/** GET invoices/{id}, and the answer of every change to an invoice. */
export function createInvoiceDetail(deps: {
  pool: Pool;
  timezoneOf(ctx: StoreContext): Promise<string>;
  purchasing: PurchasingPort;
  lookups: LookupsPort;
  views: InvoiceViews;
}) {
  const { pool, timezoneOf, purchasing, lookups, views } = deps;
  /**
   * The invoice with its lines, each with its three-way match: as decided once reconciled,
   * else as it stands now with the default choices (or `planned`, a preview's). In `db`, so an
   * idempotent answer is read in its transaction.
   */
  return async function detail(
    ctx: StoreContext,
    id: string,
    db: Db = pool,
    planned?: Map<string, ThreeWay>,
  ) {
    const invoice = await views.find(db, ctx.storeId, await timezoneOf(ctx), id);
    if (!invoice) throw new NotFoundError('Invoice');
    const lines = await invoiceLines(lookups, db, ctx.storeId, id);
    let ways = planned;
    if (!ways && !invoice.reconciledAt) {
      const plan = await planFor(
        db,
        purchasing,
        ctx.storeId,
        {
          supplier_id: invoice.supplier?.id ?? null,
          purchase_order_id: invoice.purchaseOrder?.id ?? null,
        },
        lines,
        { lines: [] },
      );
      ways = new Map(plan.lines.map((p) => [p.line.lineId, p.threeWay]));
    }
    const settled = invoice.reconciledAt ? await reconciliation.settledOf(db, ctx.storeId, id) : [];
    const shown: ShownLine[] = lines.map((line) => {
      const { decided, action: _action, ...l } = line;
      return {
        ...l,
        threeWay: ways?.get(l.lineId) ?? decided ?? legacyThreeWay(line, settled),
      };
    });
    return {
      ...invoice,
      settles: reconciliation.settlesOf(settled),
      matchingResults: summary(shown),
    };
  };
}
