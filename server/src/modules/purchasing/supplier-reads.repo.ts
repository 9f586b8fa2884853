import type { Db } from '../../db/pool';

/*
 * What other modules read of purchasing's orders and supplier items (purchasing.reads.ts):
 * per supplier (its list's figures, its months, its measured lead time) and per product (who
 * offers it, at what last cost, under which code).
 */

export interface OrderStats {
  openOrders: number;
  lastOrderAt: Date | null;
  /** Of the completed orders with an expected day, the share completed by then (store time). */
  onTimeRate: string | null;
  /**
   * Of its closed orders (completed, or cancelled after part was received), the units received
   * (at most those ordered) over the units ordered; null without any.
   */
  fillRate: string | null;
}

/** Each supplier's open orders, last order and on-time rate (a supplier without orders: absent). */
export async function orderStats(
  db: Db,
  storeId: string,
  timezone: string,
  supplierIds: readonly string[],
): Promise<Map<string, OrderStats>> {
  if (!supplierIds.length) return new Map();
  const { rows } = await db.query<{
    supplier_id: string;
    open_orders: number;
    last_order_at: Date | null;
    on_time_rate: string | null;
    fill_rate: string | null;
  }>(
    `WITH lines AS (
       SELECT po.supplier_id, po.status, l.quantity, l.received_quantity,
         sum(l.received_quantity) OVER (PARTITION BY po.id) AS order_received
       FROM purchase_orders po JOIN purchase_order_lines l ON l.purchase_order_id = po.id
       WHERE po.store_id = $1 AND l.store_id = $1 AND po.supplier_id = ANY($2::uuid[])
         AND po.status IN ('completed', 'cancelled')
     ), fill AS (
       SELECT supplier_id,
         round(sum(least(received_quantity, quantity))::numeric / nullif(sum(quantity), 0), 4) AS fill_rate
       FROM lines WHERE status = 'completed' OR order_received > 0
       GROUP BY supplier_id
     )
     SELECT po.supplier_id,
       count(*) FILTER (WHERE po.status IN ('pending', 'processing', 'shipped'))::int AS open_orders,
       max(po.ordered_at) AS last_order_at,
       round(avg(((po.completed_at AT TIME ZONE $3)::date <= po.expected_at)::int)
         FILTER (WHERE po.status = 'completed' AND po.expected_at IS NOT NULL), 4) AS on_time_rate,
       min(f.fill_rate) AS fill_rate
     FROM purchase_orders po LEFT JOIN fill f ON f.supplier_id = po.supplier_id
     WHERE po.store_id = $1 AND po.supplier_id = ANY($2::uuid[])
     GROUP BY po.supplier_id`,
    [storeId, supplierIds, timezone],
  );
  return new Map(
    rows.map((r) => [
      r.supplier_id,
      {
        openOrders: r.open_orders,
        lastOrderAt: r.last_order_at,
        onTimeRate: r.on_time_rate,
        fillRate: r.fill_rate,
      },
    ]),
  );
}

/**
 * The store's suppliers that have orders, by their last order (`desc`: the latest first): the
 * suppliers list's sort by last order (a supplier without orders comes after these).
 */
export async function suppliersByLastOrder(
  db: Db,
  storeId: string,
  order: 'asc' | 'desc',
): Promise<string[]> {
  const { rows } = await db.query<{ supplier_id: string }>(
    `SELECT supplier_id FROM purchase_orders WHERE store_id = $1
     GROUP BY supplier_id ORDER BY max(ordered_at) ${order === 'desc' ? 'DESC' : 'ASC'}, supplier_id`,
    [storeId],
  );
  return rows.map((r) => r.supplier_id);
}

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
 * up to this one (empty months too), by the month each order was placed.
 *
 * Per month: orders and their value, cancelled orders left out (they were never bought);
 * cancelled orders counted apart; of the completed orders that had an expected date, how many
 * were completed on or before that day (store time); and the lead time, ordered → completed,
 * in days, summed with its count so that averages over several months stay exact.
 */
export async function supplierMonths(
  db: Db,
  storeId: string,
  timezone: string,
  supplierId: string,
  months: number,
): Promise<MonthRow[]> {
  const { rows } = await db.query<MonthRow>(
    `WITH st AS (SELECT $4::text AS tz),
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
    [storeId, supplierId, months, timezone],
  );
  return rows;
}

/**
 * Each supplier's measured lead time: the average days from ordered to completed over its
 * completed orders of the last year (as supplier performance measures it), and how many.
 */
export async function measuredLeadTimes(
  db: Db,
  storeId: string,
): Promise<Map<string, { days: number; orders: number }>> {
  const { rows } = await db.query<{ supplier_id: string; days: number; n: number }>(
    `SELECT po.supplier_id, avg(extract(epoch FROM po.completed_at - po.ordered_at) / 86400)::float8 AS days,
       count(*)::int AS n
     FROM purchase_orders po
     WHERE po.store_id = $1 AND po.status = 'completed'
       AND po.ordered_at >= now() - interval '365 days'
     GROUP BY po.supplier_id`,
    [storeId],
  );
  return new Map(rows.map((r) => [r.supplier_id, { days: r.days, orders: r.n }]));
}

/** These orders' numbers and totals by id (others' absent). */
export async function ordersOf(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Map<string, { orderNumber: string; total: string }>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<{ id: string; order_number: string; total: string }>(
    `SELECT id, order_number, total FROM purchase_orders
     WHERE store_id = $1 AND id = ANY($2::uuid[])`,
    [storeId, ids],
  );
  return new Map(rows.map((r) => [r.id, { orderNumber: r.order_number, total: r.total }]));
}

/** The products any of these suppliers was ordered or invoiced for (their supplier items). */
export async function productsOfSuppliers(
  db: Db,
  storeId: string,
  supplierIds: readonly string[],
): Promise<string[]> {
  if (!supplierIds.length) return [];
  const { rows } = await db.query<{ product_id: string }>(
    `SELECT DISTINCT product_id FROM supplier_items
     WHERE store_id = $1 AND supplier_id = ANY($2::uuid[])`,
    [storeId, supplierIds],
  );
  return rows.map((r) => r.product_id);
}

export interface SupplierItem {
  supplierId: string;
  productId: string;
  lastCost: number | null;
  lastOrderedAt: string | null;
  minOrderQuantity: number;
}

/**
 * The supplier items of these products (`supplierId`: of that supplier only): each supplier's
 * last cost, last order date and minimum order quantity per product.
 */
export async function supplierItems(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  supplierId: string | null = null,
): Promise<SupplierItem[]> {
  if (!productIds.length) return [];
  const { rows } = await db.query<{
    supplier_id: string;
    product_id: string;
    last_cost: string | null;
    last_ordered_at: Date | null;
    min_order_quantity: number;
  }>(
    `SELECT supplier_id, product_id, last_cost, last_ordered_at, min_order_quantity FROM supplier_items
     WHERE store_id = $1 AND product_id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR supplier_id = $3)`,
    [storeId, productIds, supplierId],
  );
  return rows.map((r) => ({
    supplierId: r.supplier_id,
    productId: r.product_id,
    lastCost: r.last_cost === null ? null : Number(r.last_cost),
    lastOrderedAt: r.last_ordered_at?.toISOString() ?? null,
    minOrderQuantity: r.min_order_quantity,
  }));
}

/** The products the supplier's own item codes name (case-insensitive), per invoice line. */
export async function productsBySupplierSku(
  db: Db,
  storeId: string,
  supplierId: string,
  skus: { pos: number[]; sku: string[] },
): Promise<Array<{ pos: number; productId: string }>> {
  if (!skus.pos.length) return [];
  const { rows } = await db.query<{ pos: number; product_id: string }>(
    `SELECT s.pos, si.product_id
     FROM unnest($3::int[], $4::text[]) AS s(pos, sku)
     JOIN supplier_items si ON si.store_id = $1 AND si.supplier_id = $2
       AND lower(si.supplier_sku) = lower(s.sku)`,
    [storeId, supplierId, skus.pos, skus.sku],
  );
  return rows.map((r) => ({ pos: r.pos, productId: r.product_id }));
}

/** Open orders (not completed or cancelled) whose expected date is before `today`. */
export async function lateOrders(
  db: Db,
  storeId: string,
  today: string,
): Promise<{ id: string; orderNumber: string; expectedOn: string; supplierId: string }[]> {
  const { rows } = await db.query<{
    id: string;
    order_number: string;
    expected_on: string;
    supplier_id: string;
  }>(
    `SELECT id, order_number, expected_at::text AS expected_on, supplier_id FROM purchase_orders
     WHERE store_id = $1 AND status IN ('pending', 'processing', 'shipped')
       AND expected_at < $2::date
     ORDER BY expected_at, order_number`,
    [storeId, today],
  );
  return rows.map((r) => ({
    id: r.id,
    orderNumber: r.order_number,
    expectedOn: r.expected_on,
    supplierId: r.supplier_id,
  }));
}
