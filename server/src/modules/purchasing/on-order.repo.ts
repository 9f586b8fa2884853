import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export type OpenLineRow = Row<'purchase_order_lines', 'product_id'> &
  Row<'purchase_orders', 'order_number' | 'supplier_id'> & {
    purchase_order_id: string;
    status: 'pending' | 'processing' | 'shipped';
    open: number;
    expected_at: string | null;
    /** The store day the order was placed. */
    ordered_day: string;
  };

/**
 * The open lines of these products: ordered and not yet received, on orders that are still
 * to come (pending, processing or shipped), earliest expected first.
 */
export async function openLines(
  db: Db,
  storeId: string,
  timezone: string,
  productIds: readonly string[],
): Promise<OpenLineRow[]> {
  if (!productIds.length) return [];
  const { rows } = await db.query<OpenLineRow>(
    `SELECT l.product_id, o.id AS purchase_order_id, o.order_number, o.supplier_id, o.status,
       (l.quantity - l.received_quantity)::int AS open,
       to_char(o.expected_at, 'YYYY-MM-DD') AS expected_at,
       to_char((o.ordered_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS ordered_day
     FROM purchase_order_lines l
     JOIN purchase_orders o ON o.store_id = l.store_id AND o.id = l.purchase_order_id
     WHERE l.store_id = $1 AND l.product_id = ANY($2::uuid[])
       AND o.status IN ('pending', 'processing', 'shipped')
       AND l.received_quantity < l.quantity
     ORDER BY o.expected_at NULLS LAST, o.ordered_at, o.id`,
    [storeId, productIds, timezone],
  );
  return rows;
}
