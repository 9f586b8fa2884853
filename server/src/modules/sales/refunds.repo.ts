import { named } from '../../core/ids';
import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

export interface RefundLine {
  id: string;
  saleLineId: string;
  productId: string;
  productName: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  /** Its share of the sale line's tax. */
  tax: number;
  /** Back in sellable stock, written off as damaged, or not brought back. */
  disposition: Disposition;
}

export type Disposition = 'restock' | 'write_off' | 'none';

export interface Refund {
  id: string;
  saleId: string;
  reason: string;
  /** How the money went back (absent when the refund did not say). */
  method?: 'cash' | 'card' | 'other';
  /** Whether all its units went back in stock. */
  restocked: boolean;
  total: number;
  itemCount: number;
  createdBy: { id: string; name: string } | null;
  lines: RefundLine[];
  createdAt: string;
}

/** A refund as `REFUND_JSON` renders it (numbers and times as JSON gives them). */
export interface RefundJson {
  id: string;
  sale_id: string;
  reason: string;
  method: Refund['method'] | null;
  restocked: boolean;
  total: number | string;
  item_count: number;
  user_id: string | null;
  created_at: string;
  lines: Array<{
    id: string;
    sale_item_id: string;
    product_id: string;
    quantity: number;
    unit_price: number | string;
    line_total: number | string;
    tax_amount: number | string;
    disposition: Disposition | null;
  }>;
}

/**
 * One refund row `r` as JSON with its lines: shared by a refund's read and a sale's. Who made
 * it and the products' names are their owners' (sale-views.ts).
 */
export const REFUND_JSON = `json_build_object('id', r.id, 'sale_id', r.sale_id, 'reason', r.reason, 'method', r.method,
  'restocked', r.restocked, 'total', r.total, 'item_count', r.item_count, 'user_id', r.user_id,
  'created_at', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'lines', (SELECT json_agg(json_build_object('id', ri.id, 'sale_item_id', ri.sale_item_id,
      'product_id', ri.product_id, 'quantity', ri.quantity,
      'unit_price', ri.unit_price, 'line_total', ri.line_total, 'tax_amount', ri.tax_amount,
      'disposition', ri.disposition) ORDER BY ri.line_no)
    FROM sale_refund_items ri WHERE ri.refund_id = r.id))`;

/** The names a sale or refund shows: its products' (name, SKU) and its people's. */
export interface SaleLabels {
  products: ReadonlyMap<string, { name: string; sku: string }>;
  users: ReadonlyMap<string, string>;
}

export const toRefund = (r: RefundJson, labels: SaleLabels): Refund => ({
  id: r.id,
  saleId: r.sale_id,
  reason: r.reason,
  ...(r.method ? { method: r.method } : {}),
  restocked: r.restocked,
  total: Number(r.total),
  itemCount: r.item_count,
  createdBy: named(r.user_id, labels.users),
  // A refunded product cannot be deleted (the foreign key).
  lines: r.lines.flatMap((l) => {
    const product = labels.products.get(l.product_id);
    if (!product) return [];
    return {
      id: l.id,
      saleLineId: l.sale_item_id,
      productId: l.product_id,
      productName: product.name,
      sku: product.sku,
      quantity: l.quantity,
      unitPrice: Number(l.unit_price),
      lineTotal: Number(l.line_total),
      tax: Number(l.tax_amount),
      disposition: l.disposition ?? (r.restocked ? 'restock' : 'none'),
    };
  }),
  createdAt: r.created_at,
});

export async function find(db: Db, storeId: string, id: string): Promise<RefundJson | undefined> {
  const { rows } = await db.query<{ refund: RefundJson }>(
    `SELECT ${REFUND_JSON} AS refund FROM sale_refunds r WHERE r.store_id = $1 AND r.id = $2`,
    [storeId, id],
  );
  return rows[0]?.refund;
}

export interface RefundableLine {
  id: string;
  productId: string;
  quantity: number;
  unitPrice: string;
  /** What the line came to (after discounts, tax included) and its tax. */
  lineTotal: string;
  tax: string;
  refunded: number;
}

/** A sale's lines with what has been refunded of each (read after the sale row is locked). */
export async function refundableLines(
  db: Db,
  storeId: string,
  saleId: string,
): Promise<RefundableLine[]> {
  const { rows } = await db.query<
    Row<
      'sale_items',
      'id' | 'product_id' | 'quantity' | 'unit_price' | 'line_total' | 'tax_amount'
    > & { refunded: number }
  >(
    `SELECT i.id, i.product_id, i.quantity, i.unit_price, i.line_total, i.tax_amount,
       (SELECT coalesce(sum(ri.quantity), 0)::int FROM sale_refund_items ri WHERE ri.sale_item_id = i.id) AS refunded
     FROM sale_items i WHERE i.store_id = $1 AND i.sale_id = $2
     ORDER BY i.line_no, i.id`,
    [storeId, saleId],
  );
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    lineTotal: r.line_total,
    tax: r.tax_amount,
    refunded: r.refunded,
  }));
}

export async function countForSale(db: Db, storeId: string, saleId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sale_refunds WHERE store_id = $1 AND sale_id = $2',
    [storeId, saleId],
  );
  return one(rows).n;
}

export interface NewRefundLine {
  saleLineId: string;
  productId: string;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
  tax: string;
  disposition: Disposition;
}

/** The refund and its lines; money worked out by the caller (sale-reversals.ts). */
export async function insertRefund(
  db: Db,
  storeId: string,
  refund: {
    saleId: string;
    userId: string;
    reason: string;
    method: Refund['method'] | null;
    restocked: boolean;
    lines: NewRefundLine[];
  },
): Promise<{ id: string; createdAt: Date }> {
  const { rows } = await db.query<Row<'sale_refunds', 'id' | 'created_at'>>(
    `WITH lines AS (
       SELECT l.*, l.n AS line_no
       FROM ROWS FROM (jsonb_to_recordset($6::jsonb)
         AS (sale_item_id uuid, product_id uuid, quantity int, unit_price numeric,
           line_total numeric, tax_amount numeric, disposition text))
         WITH ORDINALITY AS l(sale_item_id, product_id, quantity, unit_price, line_total,
           tax_amount, disposition, n)
     ), refund AS (
       INSERT INTO sale_refunds (store_id, sale_id, reason, restocked, total, tax_total, item_count,
         user_id, method)
       SELECT $1, $2, $3, $4, sum(line_total), sum(tax_amount), sum(quantity), $5, $7 FROM lines
       RETURNING id, created_at
     ), items AS (
       INSERT INTO sale_refund_items (refund_id, store_id, sale_item_id, product_id, quantity, unit_price,
         line_total, refunded_at, line_no, tax_amount, disposition)
       SELECT refund.id, $1, l.sale_item_id, l.product_id, l.quantity, l.unit_price,
         l.line_total, refund.created_at, l.line_no, l.tax_amount, l.disposition
       FROM refund, lines l
     )
     SELECT id, created_at FROM refund`,
    [
      storeId,
      refund.saleId,
      refund.reason,
      refund.restocked,
      refund.userId,
      JSON.stringify(
        refund.lines.map((l) => ({
          sale_item_id: l.saleLineId,
          product_id: l.productId,
          quantity: l.quantity,
          unit_price: l.unitPrice,
          line_total: l.lineTotal,
          tax_amount: l.tax,
          disposition: l.disposition,
        })),
      ),
      refund.method,
    ],
  );
  const { id, created_at: createdAt } = one(rows);
  return { id, createdAt };
}
