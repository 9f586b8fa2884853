import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';
import type { ListOrdersQuery, OrderStatus } from './purchasing.schemas';

export interface OrderLine {
  id: string;
  productId: string;
  product: { id: string; name: string; sku: string; barcode: string | null };
  quantity: number;
  receivedQuantity: number;
  /** What is still to come: ordered less received, never below zero. */
  openQuantity: number;
  unitCost: number;
  lineTotal: number;
  allowOverReceipt: boolean;
}

export interface PurchaseOrder {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  supplier: { id: string; name: string };
  expectedAt: string | null;
  notes: string | null;
  lines: OrderLine[];
  total: number;
  /** Received units at their ordered unit cost. */
  receivedValue: number;
  shoppingListId: string | null;
  orderedAt: string;
  processingAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** When the order was last e-mailed to its supplier, and to which address. */
  sentAt: string | null;
  sentTo: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A line as `json_build_object` writes it: a numeric is a JSON number. */
interface LineJson {
  id: string;
  product_id: string;
  quantity: number;
  received_quantity: number;
  unit_cost: number;
  allow_over_receipt: boolean;
}

export type OrderRow = Row<
  'purchase_orders',
  | 'id'
  | 'order_number'
  | 'supplier_id'
  | 'notes'
  | 'total'
  | 'shopping_list_id'
  | 'ordered_at'
  | 'processing_at'
  | 'shipped_at'
  | 'completed_at'
  | 'cancelled_at'
  | 'cancel_reason'
  | 'sent_at'
  | 'sent_to'
  | 'created_at'
  | 'updated_at'
> & {
  status: OrderStatus;
  expected_at: string | null;
  created_key: string;
  lines: LineJson[];
};

const iso = (d: Date | null) => d?.toISOString() ?? null;
const cents = (n: number) => Math.round(n * 100);

/** What an order shows of other modules' rows: its supplier's name, its products' labels. */
export interface OrderLabels {
  suppliers: ReadonlyMap<string, string>;
  products: ReadonlyMap<string, { name: string; sku: string; barcode: string | null }>;
}

export function toOrder(r: OrderRow, labels: OrderLabels): PurchaseOrder {
  let received = 0;
  // A line's product cannot be deleted while the line exists (the foreign key).
  const lines = r.lines.flatMap((l) => {
    const product = labels.products.get(l.product_id);
    if (!product) return [];
    const unitCost = Number(l.unit_cost);
    received += l.received_quantity * cents(unitCost);
    return {
      id: l.id,
      productId: l.product_id,
      product: { id: l.product_id, ...product },
      quantity: l.quantity,
      receivedQuantity: l.received_quantity,
      openQuantity: Math.max(0, l.quantity - l.received_quantity),
      unitCost,
      lineTotal: (l.quantity * cents(unitCost)) / 100,
      allowOverReceipt: l.allow_over_receipt,
    };
  });
  return {
    id: r.id,
    orderNumber: r.order_number,
    status: r.status,
    supplier: { id: r.supplier_id, name: labels.suppliers.get(r.supplier_id) ?? '' },
    expectedAt: r.expected_at,
    notes: r.notes,
    lines,
    total: Number(r.total),
    receivedValue: received / 100,
    shoppingListId: r.shopping_list_id,
    orderedAt: r.ordered_at.toISOString(),
    processingAt: iso(r.processing_at),
    shippedAt: iso(r.shipped_at),
    completedAt: iso(r.completed_at),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
    sentAt: iso(r.sent_at),
    sentTo: r.sent_to,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const SELECT = `SELECT o.id, o.order_number, o.status, o.supplier_id,
  to_char(o.expected_at, 'YYYY-MM-DD') AS expected_at, o.notes, o.total, o.shopping_list_id,
  o.ordered_at, o.processing_at, o.shipped_at, o.completed_at, o.cancelled_at, o.cancel_reason,
  o.sent_at, o.sent_to, o.created_at, o.updated_at,
  to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
  (SELECT coalesce(json_agg(json_build_object('id', l.id, 'product_id', l.product_id,
      'quantity', l.quantity, 'received_quantity', l.received_quantity,
      'unit_cost', l.unit_cost, 'allow_over_receipt', l.allow_over_receipt) ORDER BY l.position, l.id), '[]')
   FROM purchase_order_lines l
   WHERE l.store_id = o.store_id AND l.purchase_order_id = o.id) AS lines
  FROM purchase_orders o`;

/** The order's row; order-views.ts names its supplier and products. */
export async function find(db: Db, storeId: string, id: string): Promise<OrderRow | undefined> {
  const { rows } = await db.query<OrderRow>(`${SELECT} WHERE o.store_id = $1 AND o.id = $2`, [
    storeId,
    id,
  ]);
  return rows[0];
}

export async function list(
  db: Db,
  storeId: string,
  q: ListOrdersQuery,
  after?: { createdAt: string; id: string },
) {
  const args: unknown[] = [
    storeId,
    q.status ?? null,
    q.supplierId ?? null,
    q.dateFrom ?? null,
    q.dateTo ?? null,
    q.expectedBy ?? null,
  ];
  const filter = `o.store_id = $1 AND ($2::text[] IS NULL OR o.status = ANY($2))
    AND ($3::uuid IS NULL OR o.supplier_id = $3)
    AND ($4::timestamptz IS NULL OR o.ordered_at >= $4) AND ($5::timestamptz IS NULL OR o.ordered_at <= $5)
    AND ($6::date IS NULL OR o.expected_at <= $6)`;
  const keyset = after ? ' AND (o.created_at, o.id) < ($9::timestamptz, $10::uuid)' : '';
  const { rows } = await db.query<OrderRow>(
    `${SELECT} WHERE ${filter}${keyset} ORDER BY o.created_at DESC, o.id DESC LIMIT $7 OFFSET $8`,
    [
      ...args,
      q.limit + 1,
      after ? 0 : (q.page - 1) * q.limit,
      ...(after ? [after.createdAt, after.id] : []),
    ],
  );
  const total = after
    ? undefined
    : one(
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM purchase_orders o WHERE ${filter}`,
            args,
          )
        ).rows,
      ).n;
  return { rows, total };
}

export interface OpenOrder {
  id: string;
  orderNumber: string;
  status: OrderStatus;
  expectedAt: string | null;
  orderedAt: string;
  lines: Array<{
    lineId: string;
    productId: string;
    quantity: number;
    receivedQuantity: number;
    openQuantity: number;
    unitCost: number;
  }>;
}

/** A supplier's orders that can still be received, oldest first, with their open lines. */
export async function openFor(db: Db, storeId: string, supplierId: string): Promise<OpenOrder[]> {
  const { rows } = await db.query<
    Row<'purchase_orders', 'id' | 'order_number' | 'ordered_at'> & {
      status: OrderStatus;
      expected_at: string | null;
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
    `SELECT o.id, o.order_number, o.status, to_char(o.expected_at, 'YYYY-MM-DD') AS expected_at, o.ordered_at,
       (SELECT coalesce(json_agg(json_build_object('id', l.id, 'product_id', l.product_id, 'quantity', l.quantity,
           'received_quantity', l.received_quantity, 'unit_cost', l.unit_cost) ORDER BY l.position), '[]')
        FROM purchase_order_lines l
        WHERE l.store_id = o.store_id AND l.purchase_order_id = o.id AND l.received_quantity < l.quantity) AS lines
     FROM purchase_orders o
     WHERE o.store_id = $1 AND o.supplier_id = $2 AND o.status IN ('processing', 'shipped')
     ORDER BY o.ordered_at, o.id`,
    [storeId, supplierId],
  );
  return rows.map((r) => ({
    id: r.id,
    orderNumber: r.order_number,
    status: r.status,
    expectedAt: r.expected_at,
    orderedAt: r.ordered_at.toISOString(),
    lines: r.lines.map((l) => ({
      lineId: l.id,
      productId: l.product_id,
      quantity: l.quantity,
      receivedQuantity: l.received_quantity,
      openQuantity: l.quantity - l.received_quantity,
      unitCost: Number(l.unit_cost),
    })),
  }));
}
