import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/*
 * What an invoice of a supplier is matched against (the three-way match): the receipts of
 * that supplier's orders not yet invoiced, and the orders that could be meant, for the
 * invoice's products only.
 */

export interface UninvoicedReceipt {
  receiptLineId: string;
  receiptId: string;
  purchaseOrderId: string;
  orderNumber: string;
  orderLineId: string | null;
  productId: string;
  receivedAt: string;
  /** Units received on this line, and those not yet invoiced. */
  quantity: number;
  uninvoiced: number;
  unitCost: number | null;
}

export interface CandidateOrder {
  id: string;
  orderNumber: string;
  status: 'pending' | 'processing' | 'shipped' | 'completed' | 'cancelled';
  orderedAt: string;
  /** The order's lines of the invoice's products. */
  lines: Array<{
    lineId: string;
    productId: string;
    quantity: number;
    receivedQuantity: number;
    unitCost: number;
  }>;
}

const UNINVOICED = `SELECT rl.id, rl.receipt_id, r.purchase_order_id, o.order_number,
    rl.purchase_order_line_id, rl.product_id, r.received_at, rl.quantity,
    rl.quantity - rl.invoiced_quantity AS uninvoiced, rl.unit_cost
  FROM purchase_receipt_lines rl
  JOIN purchase_receipts r ON r.id = rl.receipt_id AND r.store_id = rl.store_id
  JOIN purchase_orders o ON o.id = r.purchase_order_id AND o.store_id = rl.store_id
  WHERE rl.store_id = $1 AND o.supplier_id = $2 AND rl.product_id = ANY($3::uuid[])
    AND rl.invoiced_quantity < rl.quantity`;

/** Receipt lines of the supplier's orders for these products with units not invoiced, oldest first. */
export async function uninvoicedReceipts(
  db: Db,
  storeId: string,
  supplierId: string,
  productIds: string[],
): Promise<UninvoicedReceipt[]> {
  const { rows } = await db.query<
    Row<
      'purchase_receipt_lines',
      'id' | 'receipt_id' | 'purchase_order_line_id' | 'product_id' | 'quantity' | 'unit_cost'
    > &
      Row<'purchase_receipts', 'received_at'> &
      Row<'purchase_orders', 'order_number'> & { purchase_order_id: string; uninvoiced: number }
  >(`${UNINVOICED} ORDER BY r.received_at, r.id, rl.id`, [storeId, supplierId, productIds]);
  return rows.map((r) => ({
    receiptLineId: r.id,
    receiptId: r.receipt_id,
    purchaseOrderId: r.purchase_order_id,
    orderNumber: r.order_number,
    orderLineId: r.purchase_order_line_id,
    productId: r.product_id,
    receivedAt: r.received_at.toISOString(),
    quantity: r.quantity,
    uninvoiced: r.uninvoiced,
    unitCost: r.unit_cost === null ? null : Number(r.unit_cost),
  }));
}

/**
 * The supplier's orders an invoice of these products could settle: those that can still
 * receive one of them (pending, processing or shipped, not all received: an invoice for a
 * pending order's goods shows it was sent) and those holding receipts of them not yet invoiced. Oldest first. `lock`: the order rows FOR UPDATE, in id order (as
 * receiving locks an order), so a delivery of one of them waits for the reconciliation.
 */
export async function candidateOrders(
  db: Db,
  storeId: string,
  supplierId: string,
  productIds: string[],
  lock = false,
): Promise<CandidateOrder[]> {
  const which = `o.store_id = $1 AND o.supplier_id = $2 AND (
      EXISTS (SELECT 1 FROM purchase_order_lines l
        WHERE l.store_id = $1 AND l.purchase_order_id = o.id AND l.product_id = ANY($3::uuid[])
          AND l.received_quantity < l.quantity AND o.status IN ('pending', 'processing', 'shipped'))
      OR o.id IN (SELECT u.purchase_order_id FROM (${UNINVOICED}) u))`;
  if (lock)
    await db.query(`SELECT o.id FROM purchase_orders o WHERE ${which} ORDER BY o.id FOR UPDATE`, [
      storeId,
      supplierId,
      productIds,
    ]);
  const { rows } = await db.query<
    Row<'purchase_orders', 'id' | 'order_number' | 'ordered_at'> & {
      status: CandidateOrder['status'];
      /** JSON: a numeric is a number. */
      lines: Array<{
        id: string;
        product_id: string;
        quantity: number;
        received_quantity: number;
        unit_cost: number;
      }>;
    }
  >(
    `SELECT o.id, o.order_number, o.status, o.ordered_at,
       (SELECT coalesce(json_agg(json_build_object('id', l.id, 'product_id', l.product_id,
           'quantity', l.quantity, 'received_quantity', l.received_quantity, 'unit_cost', l.unit_cost)
           ORDER BY l.position), '[]')
        FROM purchase_order_lines l
        WHERE l.store_id = $1 AND l.purchase_order_id = o.id AND l.product_id = ANY($3::uuid[])) AS lines
     FROM purchase_orders o WHERE ${which}
     ORDER BY o.ordered_at, o.id`,
    [storeId, supplierId, productIds],
  );
  return rows.map((r) => ({
    id: r.id,
    orderNumber: r.order_number,
    status: r.status,
    orderedAt: r.ordered_at.toISOString(),
    lines: r.lines.map((l) => ({
      lineId: l.id,
      productId: l.product_id,
      quantity: l.quantity,
      receivedQuantity: l.received_quantity,
      unitCost: Number(l.unit_cost),
    })),
  }));
}
