import { ConflictError } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/**
 * What each receipt brought in, per product, at what cost, and how much of it invoices have
 * settled. The movements are the ledger's; these rows are purchasing's record of the delivery,
 * which the three-way match of invoices reads and settles (never more than came in).
 */
export interface ReceiptLineRow {
  id: string;
  productId: string;
  quantity: number;
  unitCost: number | null;
}

export async function insertLines(
  db: Db,
  storeId: string,
  receiptId: string,
  lines: Array<{
    productId: string;
    orderLineId: string | null;
    quantity: number;
    unitCost: number | null;
  }>,
  /** The receipt is made by reconciling an invoice: its lines are invoiced by it already. */
  invoiced: boolean,
): Promise<ReceiptLineRow[]> {
  const { rows } = await db.query<
    Row<'purchase_receipt_lines', 'id' | 'product_id' | 'quantity' | 'unit_cost'>
  >(
    `INSERT INTO purchase_receipt_lines (store_id, receipt_id, purchase_order_line_id, product_id,
       quantity, unit_cost, invoiced_quantity)
     SELECT $1, $2, l.order_line_id, l.product_id, l.quantity, l.unit_cost,
       CASE WHEN $4 THEN l.quantity ELSE 0 END
     FROM jsonb_to_recordset($3::jsonb) AS l(product_id uuid, order_line_id uuid, quantity int,
       unit_cost numeric)
     RETURNING id, product_id, quantity, unit_cost`,
    [
      storeId,
      receiptId,
      JSON.stringify(
        lines.map((l) => ({
          product_id: l.productId,
          order_line_id: l.orderLineId,
          quantity: l.quantity,
          unit_cost: l.unitCost,
        })),
      ),
      invoiced,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    quantity: r.quantity,
    unitCost: r.unit_cost === null ? null : Number(r.unit_cost),
  }));
}

/**
 * Marks units of receipt lines as invoiced. Each line takes its units only if that many are
 * still not invoiced (the rows locked in id order first, so two settlements queue up): a
 * receipt is never invoiced twice. Anything short is a conflict, and the caller's transaction
 * rolls back.
 */
export async function settle(
  db: Db,
  storeId: string,
  lines: Array<{ receiptLineId: string; quantity: number }>,
) {
  if (!lines.length) return;
  const ids = lines.map((l) => l.receiptLineId);
  await db.query(
    `SELECT id FROM purchase_receipt_lines WHERE store_id = $1 AND id = ANY($2::uuid[])
     ORDER BY id FOR UPDATE`,
    [storeId, ids],
  );
  const { rowCount } = await db.query(
    `UPDATE purchase_receipt_lines rl SET invoiced_quantity = rl.invoiced_quantity + s.quantity
     FROM unnest($2::uuid[], $3::int[]) AS s(id, quantity)
     WHERE rl.store_id = $1 AND rl.id = s.id AND rl.invoiced_quantity + s.quantity <= rl.quantity`,
    [storeId, ids, lines.map((l) => l.quantity)],
  );
  if (rowCount !== lines.length)
    throw new ConflictError(
      'Some of the received goods this invoice matches have just been invoiced by another invoice: open the invoice again to see what is left to match',
    );
}
