import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

const num = (v: string | number | null) => Number(v ?? 0);

/** Per category (null: none), counts (bigint) and sums of numerics (strings). */
interface CategoryStock {
  category_id: string | null;
  name: string;
  products: number;
  active_products: number;
  units: number;
  value_cost: string;
  value_retail: string;
  low_stock: number;
  out_of_stock: number;
  expiring: number;
}

/**
 * Stock by category and the store totals, in one pass over the products: the totals are the
 * sums of the category rows.
 */
export async function stockSummary(db: Db, storeId: string) {
  const { rows } = await db.query<CategoryStock>(
    `WITH by_category AS (
       SELECT category_id, count(*) AS products, count(*) FILTER (WHERE active) AS active_products,
         coalesce(sum(quantity), 0) AS units,
         coalesce(sum(quantity * cost), 0) AS value_cost,
         coalesce(sum(quantity * price), 0) AS value_retail,
         count(*) FILTER (WHERE quantity <= reorder_point AND quantity > 0) AS low_stock,
         count(*) FILTER (WHERE quantity = 0) AS out_of_stock,
         count(*) FILTER (WHERE expires_at IS NOT NULL AND expires_at <= current_date + 30) AS expiring
       FROM products WHERE store_id = $1
       GROUP BY category_id
     )
     SELECT b.*, coalesce(c.name, 'Uncategorised') AS name
     FROM by_category b LEFT JOIN categories c ON c.id = b.category_id
     ORDER BY b.value_retail DESC, name`,
    [storeId],
  );
  const sum = (column: Exclude<keyof CategoryStock, 'category_id' | 'name'>) =>
    rows.reduce((n, r) => n + num(r[column]), 0);
  return {
    totals: {
      products: sum('products'),
      activeProducts: sum('active_products'),
      units: sum('units'),
      // Summed in SQL numerics per category; rounded to cents after adding them up.
      inventoryValueCost: Math.round(sum('value_cost') * 100) / 100,
      inventoryValueRetail: Math.round(sum('value_retail') * 100) / 100,
    },
    lowStockCount: sum('low_stock'),
    outOfStockCount: sum('out_of_stock'),
    expiringSoonCount: sum('expiring'),
    categoryBreakdown: rows.map((r) => ({
      categoryId: r.category_id,
      name: r.name,
      products: num(r.products),
      units: num(r.units),
      valueCost: num(r.value_cost),
      valueRetail: num(r.value_retail),
    })),
  };
}

/**
 * Best sellers of the window by net units: the snapshot's closed days plus today's lines, read
 * live, less the lines of today's voided sales and today's refunds.
 */
export async function topMovers(db: Db, storeId: string, through: Date, limit: number) {
  const { rows } = await db.query<
    Row<'products', 'name' | 'sku'> & { product_id: string; units: number; revenue: string }
  >(
    `WITH today AS (
       SELECT product_id, sum(units) AS units, sum(revenue) AS revenue FROM (
         SELECT product_id, quantity AS units, line_total - tax_amount AS revenue
         FROM sale_items
         WHERE store_id = $1 AND sold_at >= $2
           AND sale_id NOT IN (SELECT id FROM sales
                               WHERE store_id = $1 AND status = 'voided' AND sold_at >= $2)
         UNION ALL
         SELECT product_id, -quantity, -(line_total - tax_amount)
         FROM sale_refund_items WHERE store_id = $1 AND refunded_at >= $2
       ) lines
       GROUP BY product_id
     ), closed AS (
       SELECT product_id, units, revenue FROM sales_snapshot_products WHERE store_id = $1
     ), top AS (
       SELECT coalesce(c.product_id, t.product_id) AS product_id,
         coalesce(c.units, 0) + coalesce(t.units, 0) AS units,
         coalesce(c.revenue, 0) + coalesce(t.revenue, 0) AS revenue
       FROM closed c FULL JOIN today t ON t.product_id = c.product_id
       -- A product whose refunds outweigh its sales in the window moved nothing out.
       WHERE coalesce(c.units, 0) + coalesce(t.units, 0) > 0
       ORDER BY units DESC, revenue DESC, product_id LIMIT $3
     )
     SELECT t.product_id, p.name, p.sku, t.units, t.revenue
     FROM top t JOIN products p ON p.id = t.product_id
     ORDER BY t.units DESC, t.revenue DESC, t.product_id`,
    [storeId, through, limit],
  );
  return rows.map((r) => ({
    productId: r.product_id,
    name: r.name,
    sku: r.sku,
    unitsSold: num(r.units),
    revenue: num(r.revenue),
  }));
}

/** In-stock, active products that sold least recently (never sold first). */
export async function slowMovers(db: Db, storeId: string, limit: number) {
  const { rows } = await db.query<
    Row<'products', 'id' | 'name' | 'sku' | 'quantity'> & { days: number | null }
  >(
    `SELECT id, name, sku, quantity, (current_date - last_sold_at::date) AS days
     FROM products WHERE store_id = $1 AND active AND quantity > 0
     ORDER BY last_sold_at ASC NULLS FIRST, id LIMIT $2`,
    [storeId, limit],
  );
  return rows.map((r) => ({
    productId: r.id,
    name: r.name,
    sku: r.sku,
    quantity: num(r.quantity),
    daysSinceLastSale: r.days === null ? null : num(r.days),
  }));
}

/**
 * One row per day of the window, days without sales included: closed days from the snapshot.
 * Orders are completed (not voided) sales; units and revenue are net of the day's refunds.
 */
export async function salesTrend(
  db: Db,
  storeId: string,
  timezone: string,
  days: number,
  through: Date,
) {
  const { rows } = await db.query<{ date: string; orders: string; units: string; revenue: string }>(
    `WITH days AS (
       SELECT generate_series((now() AT TIME ZONE $2)::date - ($3::int - 1), (now() AT TIME ZONE $2)::date, '1 day')::date AS day
     ), daily AS (
       SELECT day, orders, units, revenue FROM sales_snapshot_days WHERE store_id = $1
       UNION ALL
       SELECT (sold_at AT TIME ZONE $2)::date, count(*), sum(item_count), sum(total - tax_total)
       FROM sales WHERE store_id = $1 AND sold_at >= $4 AND status = 'completed'
       GROUP BY 1
       UNION ALL
       SELECT (created_at AT TIME ZONE $2)::date, 0, -sum(item_count), -sum(total - tax_total)
       FROM sale_refunds WHERE store_id = $1 AND created_at >= $4
       GROUP BY 1
     )
     SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(sum(daily.orders), 0) AS orders,
       coalesce(sum(daily.units), 0) AS units, coalesce(sum(daily.revenue), 0) AS revenue
     FROM days d LEFT JOIN daily ON daily.day = d.day GROUP BY d.day ORDER BY d.day`,
    [storeId, timezone, days, through],
  );
  return rows.map((r) => ({
    date: r.date,
    orders: num(r.orders),
    units: num(r.units),
    revenue: num(r.revenue),
  }));
}
