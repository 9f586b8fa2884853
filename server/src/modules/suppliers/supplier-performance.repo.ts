import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export interface MonthRow {
  month: string;
  orders: number;
  cancelled: number;
  value: string;
  on_time: number;
  with_due_date: number;
  lead_days_sum: number;
  lead_n: number;
}

/**
 * A supplier's orders per calendar month of the store's time zone, the last `months` months
 * up to this one (empty months too), by the month each order was placed. A read model over
 * the purchasing module's orders.
 *
 * Per month: orders and their value, cancelled orders left out (they were never bought);
 * cancelled orders counted apart; of the completed orders that had an expected date, how many
 * were completed on or before that day (store time); and the lead time, ordered → completed,
 * in days, summed with its count so that averages over several months stay exact.
 */
export async function monthsOf(
  db: Db,
  storeId: string,
  supplierId: string,
  months: number,
): Promise<MonthRow[]> {
  const { rows } = await db.query<MonthRow>(
    `WITH st AS (SELECT timezone AS tz FROM stores WHERE id = $1),
     span AS (
       SELECT m::timestamp AS start FROM st, generate_series(
         date_trunc('month', now() AT TIME ZONE st.tz) - ($3::int - 1) * interval '1 month',
         date_trunc('month', now() AT TIME ZONE st.tz), interval '1 month') AS m
     ),
     o AS (
       SELECT date_trunc('month', po.ordered_at AT TIME ZONE st.tz) AS start, po.status, po.total,
         ((po.completed_at AT TIME ZONE st.tz)::date <= po.expected_at) AS on_time,
         extract(epoch FROM po.completed_at - po.ordered_at) / 86400 AS lead_days
       FROM purchase_orders po, st
       WHERE po.store_id = $1 AND po.supplier_id = $2
         AND po.ordered_at >= (SELECT min(start) FROM span) AT TIME ZONE st.tz
     )
     SELECT to_char(span.start, 'YYYY-MM') AS month,
       count(o.status) FILTER (WHERE o.status <> 'cancelled')::int AS orders,
       count(o.status) FILTER (WHERE o.status = 'cancelled')::int AS cancelled,
       coalesce(sum(o.total) FILTER (WHERE o.status <> 'cancelled'), 0) AS value,
       count(*) FILTER (WHERE o.status = 'completed' AND o.on_time)::int AS on_time,
       count(o.on_time) FILTER (WHERE o.status = 'completed')::int AS with_due_date,
       coalesce(sum(o.lead_days) FILTER (WHERE o.status = 'completed'), 0)::float8 AS lead_days_sum,
       count(o.lead_days) FILTER (WHERE o.status = 'completed')::int AS lead_n
     FROM span LEFT JOIN o ON o.start = span.start
     GROUP BY span.start ORDER BY span.start`,
    [storeId, supplierId, months],
  );
  return rows;
}

export interface SuppliedProduct {
  productId: string;
  lastCost: number | null;
  lastOrderedAt: string | null;
}

/** What the supplier's orders and invoices taught about each product (purchasing's supplier_items). */
export async function suppliedItems(
  db: Db,
  storeId: string,
  supplierId: string,
  productIds: string[],
): Promise<Map<string, SuppliedProduct>> {
  const { rows } = await db.query<
    Row<'supplier_items', 'product_id' | 'last_cost' | 'last_ordered_at'>
  >(
    `SELECT product_id, last_cost, last_ordered_at FROM supplier_items
     WHERE store_id = $1 AND supplier_id = $2 AND product_id = ANY($3::uuid[])`,
    [storeId, supplierId, productIds],
  );
  return new Map(
    rows.map((r) => [
      r.product_id,
      {
        productId: r.product_id,
        lastCost: r.last_cost === null ? null : Number(r.last_cost),
        lastOrderedAt: r.last_ordered_at?.toISOString() ?? null,
      },
    ]),
  );
}
