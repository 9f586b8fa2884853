import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';
import type { OrderStatus } from './purchasing.schemas';

/**
 * The store's next order number for the current year in its time zone (`timezone`: the
 * store's, read by the caller). One autocommitted
 * statement on the pool, never inside an order's transaction: the counter row is locked only
 * for this statement, so concurrent orders do not wait on each other's commits, and an order
 * that then fails leaves a gap (allowed).
 */
export async function nextOrderNumber(db: Db, storeId: string, timezone: string): Promise<string> {
  const { rows } = await db.query<Row<'purchase_order_counters', 'year' | 'last_number'>>(
    `INSERT INTO purchase_order_counters (store_id, year, last_number)
     VALUES ($1, extract(year FROM now() AT TIME ZONE $2)::int, 1)
     ON CONFLICT (store_id, year) DO UPDATE SET last_number = purchase_order_counters.last_number + 1
     RETURNING year, last_number`,
    [storeId, timezone],
  );
  const r = one(rows);
  return `PO-${r.year}-${String(r.last_number).padStart(6, '0')}`;
}

export interface NewLine {
  productId: string;
  quantity: number;
  unitCost: number;
  allowOverReceipt?: boolean;
}

const linesJson = (lines: NewLine[]) =>
  JSON.stringify(
    lines.map((l, position) => ({
      product_id: l.productId,
      quantity: l.quantity,
      unit_cost: l.unitCost.toFixed(2),
      allow_over_receipt: l.allowOverReceipt ?? false,
      position,
    })),
  );

const INSERT_LINES = `INSERT INTO purchase_order_lines
    (store_id, purchase_order_id, product_id, position, quantity, unit_cost, allow_over_receipt)
  SELECT $1, $2, l.product_id, l.position, l.quantity, l.unit_cost, l.allow_over_receipt
  FROM jsonb_to_recordset($3::jsonb)
    AS l(product_id uuid, position int, quantity int, unit_cost numeric, allow_over_receipt boolean)`;

const RETOTAL = `UPDATE purchase_orders SET total = (SELECT coalesce(sum(round(quantity * unit_cost, 2)), 0)
    FROM purchase_order_lines WHERE store_id = $1 AND purchase_order_id = $2), updated_at = now()
  WHERE store_id = $1 AND id = $2`;

export async function insertOrder(
  db: Db,
  storeId: string,
  o: {
    orderNumber: string;
    supplierId: string;
    expectedAt: string | null;
    notes: string | null;
    shoppingListId: string | null;
    userId: string;
    lines: NewLine[];
  },
): Promise<string> {
  const { rows } = await db.query<Row<'purchase_orders', 'id'>>(
    `INSERT INTO purchase_orders (store_id, supplier_id, order_number, expected_at, notes, shopping_list_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [storeId, o.supplierId, o.orderNumber, o.expectedAt, o.notes, o.shoppingListId, o.userId],
  );
  const id = one(rows).id;
  await db.query(INSERT_LINES, [storeId, id, linesJson(o.lines)]);
  await db.query(RETOTAL, [storeId, id]);
  return id;
}

/** Replaces a (pending, so unreceived) order's lines and recomputes its total. */
export async function replaceLines(db: Db, storeId: string, id: string, lines: NewLine[]) {
  await db.query(
    'DELETE FROM purchase_order_lines WHERE store_id = $1 AND purchase_order_id = $2',
    [storeId, id],
  );
  await db.query(INSERT_LINES, [storeId, id, linesJson(lines)]);
  await db.query(RETOTAL, [storeId, id]);
}

export async function updateHeader(
  db: Db,
  storeId: string,
  id: string,
  patch: { expectedAt?: string | null; notes?: string | null },
) {
  await db.query(
    `UPDATE purchase_orders SET
       expected_at = CASE WHEN $3 THEN $4::date ELSE expected_at END,
       notes = CASE WHEN $5 THEN $6 ELSE notes END,
       updated_at = now()
     WHERE store_id = $1 AND id = $2`,
    [
      storeId,
      id,
      patch.expectedAt !== undefined,
      patch.expectedAt ?? null,
      patch.notes !== undefined,
      patch.notes ?? null,
    ],
  );
}
export interface LockedOrder {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  supplierId: string;
}

/** Locks the order row: status changes and receipts of one order run one at a time. */
export async function lock(db: Db, storeId: string, id: string): Promise<LockedOrder | undefined> {
  const { rows } = await db.query<
    Row<'purchase_orders', 'id' | 'order_number' | 'supplier_id'> & { status: OrderStatus }
  >(
    `SELECT id, order_number, status, supplier_id FROM purchase_orders
     WHERE store_id = $1 AND id = $2 FOR UPDATE`,
    [storeId, id],
  );
  const r = rows[0];
  return (
    r && { id: r.id, orderNumber: r.order_number, status: r.status, supplierId: r.supplier_id }
  );
}

const STAMP: Record<OrderStatus, string> = {
  pending: '',
  processing: ', processing_at = now()',
  shipped: ', shipped_at = now()',
  completed: ', completed_at = now()',
  cancelled: ', cancelled_at = now(), cancel_reason = $4',
};

export async function setStatus(
  db: Db,
  storeId: string,
  id: string,
  status: OrderStatus,
  reason: string | null = null,
) {
  await db.query(
    `UPDATE purchase_orders SET status = $3, updated_at = now()${STAMP[status]}
     WHERE store_id = $1 AND id = $2`,
    status === 'cancelled' ? [storeId, id, status, reason] : [storeId, id, status],
  );
}

export async function remove(db: Db, storeId: string, id: string) {
  await db.query('DELETE FROM purchase_orders WHERE store_id = $1 AND id = $2', [storeId, id]);
}
export async function touch(db: Db, storeId: string, id: string) {
  await db.query('UPDATE purchase_orders SET updated_at = now() WHERE store_id = $1 AND id = $2', [
    storeId,
    id,
  ]);
}

/** Notes that the order was e-mailed to `to` just now. */
export async function markSent(db: Db, storeId: string, id: string, to: string) {
  await db.query(
    `UPDATE purchase_orders SET sent_at = now(), sent_to = $3, updated_at = now()
     WHERE store_id = $1 AND id = $2`,
    [storeId, id, to],
  );
}
