import type { Db } from '../../db/pool';
import type { ListSalesQuery } from './sales.schemas';

export interface SaleLine {
  id: string;
  productId: string;
  productName: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

export interface Sale {
  id: string;
  soldAt: string;
  note: string | null;
  total: number;
  itemCount: number;
  user: { id: string; name: string } | null;
  items: SaleLine[];
  createdAt: string;
}

interface SaleRow {
  id: string;
  sold_at: Date;
  note: string | null;
  total: string;
  item_count: number;
  user_id: string | null;
  user_name: string | null;
  items: Array<{
    id: string;
    product_id: string;
    name: string;
    sku: string;
    quantity: number;
    unit_price: string;
    line_total: string;
  }>;
  created_at: Date;
  sold_key: string;
}

const toSale = (r: SaleRow): Sale => ({
  id: r.id,
  soldAt: r.sold_at.toISOString(),
  note: r.note,
  total: Number(r.total),
  itemCount: r.item_count,
  user: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
  items: r.items.map((i) => ({
    id: i.id,
    productId: i.product_id,
    productName: i.name,
    sku: i.sku,
    quantity: i.quantity,
    unitPrice: Number(i.unit_price),
    lineTotal: Number(i.line_total),
  })),
  createdAt: r.created_at.toISOString(),
});

const SELECT = `SELECT s.id, s.sold_at, s.note, s.total, s.item_count, s.user_id, u.name AS user_name, s.created_at,
  to_char(s.sold_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sold_key,
  (SELECT coalesce(json_agg(json_build_object('id', i.id, 'product_id', i.product_id, 'name', p.name, 'sku', p.sku,
      'quantity', i.quantity, 'unit_price', i.unit_price, 'line_total', i.line_total) ORDER BY i.line_no, i.id), '[]')
   FROM sale_items i JOIN products p ON p.id = i.product_id WHERE i.sale_id = s.id) AS items
  FROM sales s LEFT JOIN users u ON u.id = s.user_id`;

export async function insertSale(
  db: Db,
  storeId: string,
  sale: {
    userId: string;
    soldAt: Date;
    note: string | null;
    lines: Array<{ productId: string; quantity: number; unitPrice: string }>;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `WITH lines AS (
       SELECT l.product_id, l.quantity, l.unit_price, l.n AS line_no
       FROM ROWS FROM (jsonb_to_recordset($5::jsonb) AS (product_id uuid, quantity int, unit_price numeric))
         WITH ORDINALITY AS l(product_id, quantity, unit_price, n)
     ), sale AS (
       INSERT INTO sales (store_id, user_id, sold_at, note, total, item_count)
       SELECT $1, $2, $3, $4, coalesce(sum(round(quantity * unit_price, 2)), 0), coalesce(sum(quantity), 0) FROM lines
       RETURNING id
     ), items AS (
       INSERT INTO sale_items (sale_id, store_id, product_id, quantity, unit_price, line_total, sold_at, line_no)
       SELECT sale.id, $1, l.product_id, l.quantity, l.unit_price, round(l.quantity * l.unit_price, 2), $3, l.line_no
       FROM sale, lines l
     )
     SELECT id FROM sale`,
    [
      storeId,
      sale.userId,
      sale.soldAt,
      sale.note,
      JSON.stringify(
        sale.lines.map((l) => ({
          product_id: l.productId,
          quantity: l.quantity,
          unit_price: l.unitPrice,
        })),
      ),
    ],
  );
  return rows[0]!.id;
}

export async function find(db: Db, storeId: string, id: string): Promise<Sale | undefined> {
  const { rows } = await db.query<SaleRow>(`${SELECT} WHERE s.store_id = $1 AND s.id = $2`, [
    storeId,
    id,
  ]);
  return rows[0] && toSale(rows[0]);
}

export async function list(
  db: Db,
  storeId: string,
  q: ListSalesQuery,
  after?: { soldAt: string; id: string },
) {
  const args: unknown[] = [storeId, q.productId ?? null, q.dateFrom ?? null, q.dateTo ?? null];
  const filter = `s.store_id = $1
    AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM sale_items i WHERE i.sale_id = s.id AND i.product_id = $2))
    AND ($3::timestamptz IS NULL OR s.sold_at >= $3) AND ($4::timestamptz IS NULL OR s.sold_at <= $4)`;
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const column = q.sort === 'total' ? 's.total' : 's.sold_at';
  const keyset = after
    ? ` AND (s.sold_at, s.id) ${dir === 'ASC' ? '>' : '<'} ($7::timestamptz, $8::uuid)`
    : '';
  const { rows } = await db.query<SaleRow>(
    `${SELECT} WHERE ${filter}${keyset} ORDER BY ${column} ${dir}, s.id ${dir} LIMIT $5 OFFSET $6`,
    [
      ...args,
      q.limit + 1,
      after ? 0 : (q.page - 1) * q.limit,
      ...(after ? [after.soldAt, after.id] : []),
    ],
  );
  const total = after
    ? undefined
    : (await db.query<{ n: number }>(`SELECT count(*) AS n FROM sales s WHERE ${filter}`, args))
        .rows[0]!.n;
  return { items: rows.map((r) => ({ sale: toSale(r), key: r.sold_key })), total };
}
