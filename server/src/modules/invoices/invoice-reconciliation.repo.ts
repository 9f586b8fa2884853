import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';
import type { ThreeWay } from './invoice-three-way';

/** A line as reconciled: its product, the choice, what it received now and matched, and its review. */
export interface LineDecisionRow {
  lineId: string;
  productId: string | null;
  method: string | null;
  action: NonNullable<ThreeWay['action']>;
  purchaseOrderId: string | null;
  received: number;
  matched: number;
  costAccepted: boolean;
  threeWay: ThreeWay;
}

/** A receipt line an invoice line settles (what purchasing said of it at reconciliation). */
export interface SettledReceipt {
  lineId: string;
  receiptLineId: string;
  receiptId: string;
  purchaseOrderId: string | null;
  orderNumber: string | null;
  /** null: received by this reconciliation, now. */
  receivedAt: string | null;
  quantity: number;
  receivedNow: boolean;
}

/** The decisions, the links to the receipts settled, and the invoice marked reconciled. */
export async function saveReconciliation(
  db: Db,
  storeId: string,
  invoice: { id: string; userId: string; purchaseOrderId: string | null },
  decisions: LineDecisionRow[],
  settled: SettledReceipt[],
) {
  await db.query(
    `UPDATE invoice_lines l SET product_id = d.product_id, match_method = d.method,
       action = d.action, purchase_order_id = d.purchase_order_id, received_quantity = d.received,
       matched_quantity = d.matched, cost_accepted = d.cost_accepted, three_way = d.three_way
     FROM jsonb_to_recordset($3::jsonb) AS d(line_id uuid, product_id uuid, method text, action text,
       purchase_order_id uuid, received int, matched int, cost_accepted boolean, three_way jsonb)
     WHERE l.store_id = $1 AND l.invoice_id = $2 AND l.id = d.line_id`,
    [
      storeId,
      invoice.id,
      JSON.stringify(
        decisions.map((d) => ({
          line_id: d.lineId,
          product_id: d.productId,
          method: d.method,
          action: d.action,
          purchase_order_id: d.purchaseOrderId,
          received: d.received,
          matched: d.matched,
          cost_accepted: d.costAccepted,
          three_way: d.threeWay,
        })),
      ),
    ],
  );
  if (settled.length)
    await db.query(
      `INSERT INTO invoice_line_receipts (store_id, invoice_id, invoice_line_id, receipt_line_id,
         receipt_id, purchase_order_id, order_number, received_at, quantity, received_now)
       SELECT $1, $2, s.line_id, s.receipt_line_id, s.receipt_id, s.purchase_order_id,
         s.order_number, coalesce(s.received_at, now()), s.quantity, s.received_now
       FROM jsonb_to_recordset($3::jsonb) AS s(line_id uuid, receipt_line_id uuid, receipt_id uuid,
         purchase_order_id uuid, order_number text, received_at timestamptz, quantity int,
         received_now boolean)`,
      [
        storeId,
        invoice.id,
        JSON.stringify(
          settled.map((s) => ({
            line_id: s.lineId,
            receipt_line_id: s.receiptLineId,
            receipt_id: s.receiptId,
            purchase_order_id: s.purchaseOrderId,
            order_number: s.orderNumber,
            received_at: s.receivedAt,
            quantity: s.quantity,
            received_now: s.receivedNow,
          })),
        ),
      ],
    );
  await db.query(
    `UPDATE invoices SET reconciled_at = now(), reconciled_by = $3,
       purchase_order_id = coalesce($4, purchase_order_id), updated_at = now()
     WHERE store_id = $1 AND id = $2`,
    [storeId, invoice.id, invoice.userId, invoice.purchaseOrderId],
  );
}

/** The receipt lines an invoice's lines settle, oldest receipt first. */
export async function settledOf(db: Db, storeId: string, invoiceId: string) {
  const { rows } = await db.query<
    Row<
      'invoice_line_receipts',
      | 'invoice_line_id'
      | 'receipt_line_id'
      | 'receipt_id'
      | 'purchase_order_id'
      | 'order_number'
      | 'received_at'
      | 'quantity'
      | 'received_now'
    >
  >(
    `SELECT invoice_line_id, receipt_line_id, receipt_id, purchase_order_id, order_number,
       received_at, quantity, received_now
     FROM invoice_line_receipts WHERE store_id = $1 AND invoice_id = $2
     ORDER BY received_at, receipt_id, receipt_line_id`,
    [storeId, invoiceId],
  );
  return rows.map((r): SettledReceipt & { receivedAt: string } => ({
    lineId: r.invoice_line_id,
    receiptLineId: r.receipt_line_id,
    receiptId: r.receipt_id,
    purchaseOrderId: r.purchase_order_id,
    orderNumber: r.order_number,
    receivedAt: r.received_at.toISOString(),
    quantity: r.quantity,
    receivedNow: r.received_now,
  }));
}

/** The orders and receipts an invoice settles, from its settled receipt lines. */
export function settlesOf(settled: SettledReceipt[]) {
  const orders = new Map<string, { id: string; orderNumber: string }>();
  const receipts = new Map<
    string,
    { id: string; purchaseOrderId: string | null; receivedAt: string; receivedNow: boolean }
  >();
  for (const s of settled) {
    if (s.purchaseOrderId)
      orders.set(s.purchaseOrderId, { id: s.purchaseOrderId, orderNumber: s.orderNumber ?? '' });
    const seen = receipts.get(s.receiptId);
    receipts.set(s.receiptId, {
      id: s.receiptId,
      purchaseOrderId: s.purchaseOrderId,
      receivedAt: s.receivedAt ?? '',
      receivedNow: (seen?.receivedNow ?? false) || s.receivedNow,
    });
  }
  return { orders: [...orders.values()], receipts: [...receipts.values()] };
}
