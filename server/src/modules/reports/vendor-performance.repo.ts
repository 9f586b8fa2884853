import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export async function suppliersOf(db: Db, storeId: string) {
  const { rows } = await db.query<Row<'suppliers', 'id' | 'name'>>(
    'SELECT id, name FROM suppliers WHERE store_id = $1 ORDER BY name, id',
    [storeId],
  );
  return rows;
}

/**
 * Per supplier, over the orders placed between two instants: the fill rate of its closed
 * orders (units received, at most the units ordered, over units ordered; closed: completed, or
 * cancelled after part of it was received, a short delivery the store gave up on; a completed
 * order has had everything received), and the mean change of the unit cost of each product it
 * was sent more than once for, first order against last (cancelled orders left out).
 */
export async function deliveryAndPrices(db: Db, storeId: string, start: Date, end: Date) {
  const { rows } = await db.query<{
    supplier_id: string;
    received: string | null;
    ordered: string | null;
    price_change: string | null;
  }>(
    `WITH l AS (
       SELECT po.supplier_id, po.status, po.ordered_at, po.id AS order_id, l.product_id,
         l.quantity, l.received_quantity, l.unit_cost,
         sum(l.received_quantity) OVER (PARTITION BY po.id) AS order_received
       FROM purchase_orders po JOIN purchase_order_lines l ON l.purchase_order_id = po.id
       WHERE po.store_id = $1 AND l.store_id = $1 AND po.ordered_at >= $2 AND po.ordered_at < $3
     ), fill AS (
       SELECT supplier_id, sum(least(received_quantity, quantity)) AS received, sum(quantity) AS ordered
       FROM l WHERE status = 'completed' OR (status = 'cancelled' AND order_received > 0)
       GROUP BY supplier_id
     ), costs AS (
       SELECT supplier_id, product_id, count(*) AS n,
         (array_agg(unit_cost ORDER BY ordered_at, order_id))[1] AS first_cost,
         (array_agg(unit_cost ORDER BY ordered_at DESC, order_id DESC))[1] AS last_cost
       FROM l WHERE status <> 'cancelled' GROUP BY supplier_id, product_id
     ), prices AS (
       SELECT supplier_id, avg((last_cost - first_cost) / first_cost) AS price_change
       FROM costs WHERE n > 1 AND first_cost > 0 GROUP BY supplier_id
     )
     SELECT coalesce(f.supplier_id, p.supplier_id) AS supplier_id, f.received, f.ordered, p.price_change
     FROM fill f FULL JOIN prices p ON p.supplier_id = f.supplier_id`,
    [storeId, start, end],
  );
  return new Map(rows.map((r) => [r.supplier_id, r]));
}
