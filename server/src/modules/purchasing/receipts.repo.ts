import { ConflictError } from '../../core/errors';
import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

export interface ReceivableLine {
  id: string;
  productId: string;
  quantity: number;
  receivedQuantity: number;
  allowOverReceipt: boolean;
  unitCost: number;
}

/** An order's lines as they stand (call after locking the order: a fresh snapshot). */
export async function linesOf(db: Db, storeId: string, orderId: string): Promise<ReceivableLine[]> {
  const { rows } = await db.query<
    Row<
      'purchase_order_lines',
      'id' | 'product_id' | 'quantity' | 'received_quantity' | 'allow_over_receipt' | 'unit_cost'
    >
  >(
    `SELECT id, product_id, quantity, received_quantity, allow_over_receipt, unit_cost
     FROM purchase_order_lines WHERE store_id = $1 AND purchase_order_id = $2 ORDER BY position, id`,
    [storeId, orderId],
  );
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    quantity: r.quantity,
    receivedQuantity: r.received_quantity,
    allowOverReceipt: r.allow_over_receipt,
    unitCost: Number(r.unit_cost),
  }));
}

export async function insertReceipt(
  db: Db,
  storeId: string,
  r: { orderId: string | null; invoiceId: string | null; note: string | null; userId: string },
): Promise<string> {
  const { rows } = await db.query<Row<'purchase_receipts', 'id'>>(
    `INSERT INTO purchase_receipts (store_id, purchase_order_id, invoice_id, note, received_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [storeId, r.orderId, r.invoiceId, r.note, r.userId],
  );
  return one(rows).id;
}

/**
 * Adds received units to lines. The order row is locked by the caller, so this never races;
 * the table's CHECK is the backstop, answered as a conflict rather than a 500.
 */
export async function addReceived(
  db: Db,
  storeId: string,
  lines: Array<{ lineId: string; units: number }>,
) {
  if (lines.length === 0) return;
  try {
    await db.query(
      `UPDATE purchase_order_lines l SET received_quantity = l.received_quantity + r.units
       FROM unnest($2::uuid[], $3::int[]) AS r(line_id, units)
       WHERE l.store_id = $1 AND l.id = r.line_id`,
      [storeId, lines.map((l) => l.lineId), lines.map((l) => l.units)],
    );
  } catch (err) {
    if ((err as { constraint?: string }).constraint === 'purchase_order_lines_over_receipt_check') {
      throw new ConflictError('This delivery would receive more than was ordered on a line');
    }
    throw err;
  }
}

export interface Receipt {
  id: string;
  receivedAt: string;
  receivedBy: { id: string; name: string } | null;
  note: string | null;
  invoiceId: string | null;
  lines: Array<{
    productId: string;
    product: { id: string; name: string; sku: string };
    quantity: number;
    /** Units of it that invoices have settled. */
    invoicedQuantity: number;
  }>;
}

export interface ReceiptRow {
  id: string;
  receivedAt: string;
  receivedBy: string | null;
  note: string | null;
  invoiceId: string | null;
  lines: Array<{ id: string; productId: string; quantity: number; invoicedQuantity: number }>;
}

/** An order's deliveries, oldest first, each with what it brought in per product. */
export async function receiptsOf(db: Db, storeId: string, orderId: string): Promise<ReceiptRow[]> {
  const { rows } = await db.query<
    Row<'purchase_receipts', 'id' | 'received_at' | 'received_by' | 'note' | 'invoice_id'> & {
      lines: Array<{ id: string; product_id: string; quantity: number; invoiced_quantity: number }>;
    }
  >(
    `SELECT r.id, r.received_at, r.received_by, r.note, r.invoice_id,
       (SELECT coalesce(json_agg(json_build_object('id', l.id, 'product_id', l.product_id,
           'quantity', l.quantity, 'invoiced_quantity', l.invoiced_quantity)), '[]')
        FROM purchase_receipt_lines l
        WHERE l.store_id = r.store_id AND l.receipt_id = r.id) AS lines
     FROM purchase_receipts r
     WHERE r.store_id = $1 AND r.purchase_order_id = $2
     ORDER BY r.received_at, r.id`,
    [storeId, orderId],
  );
  return rows.map((r) => ({
    id: r.id,
    receivedAt: r.received_at.toISOString(),
    receivedBy: r.received_by,
    note: r.note,
    invoiceId: r.invoice_id,
    lines: r.lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      quantity: l.quantity,
      invoicedQuantity: l.invoiced_quantity,
    })),
  }));
}
