import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

const num = (v: string | number | null) => Number(v ?? 0);

/** Per category (null: none), the sums of its delta rows (bigint and numeric: strings). */
interface CategoryStock {
  category_id: string | null;
  name: string;
  products: string;
  active_products: string;
  units: string;
  value_cost: string;
  value_retail: string;
  low_stock: string;
  out_of_stock: string;
  expiring: string;
  /** Delta rows beyond one per category and day, in all (the dashboard folds them when they pile up). */
  surplus: string;
}

/**
 * Stock by category and the store totals, from the triggers' running figures
 * (`dashboard_stock`, migration 054: per category and best-before day, so "expiring soon" is a
 * sum over the days up to 30 days ahead), never the products.
 */
export async function stockSummary(db: Db, storeId: string) {
  const { rows } = await db.query<CategoryStock>(
    `WITH by_day AS (
       SELECT category_id, expires_on, sum(products) AS products,
         sum(active_products) AS active_products, sum(units) AS units,
         sum(value_cost) AS value_cost, sum(value_retail) AS value_retail,
         sum(low_stock) AS low_stock, sum(out_of_stock) AS out_of_stock, count(*) - 1 AS surplus
       FROM dashboard_stock WHERE store_id = $1
       GROUP BY category_id, expires_on
     ), by_category AS (
       SELECT category_id, sum(products) AS products, sum(active_products) AS active_products,
         sum(units) AS units, sum(value_cost) AS value_cost, sum(value_retail) AS value_retail,
         sum(low_stock) AS low_stock, sum(out_of_stock) AS out_of_stock,
         coalesce(sum(products) FILTER (WHERE expires_on <= current_date + 30), 0) AS expiring,
         sum(surplus) AS surplus
       FROM by_day GROUP BY category_id
     )
     SELECT b.category_id, b.products, b.active_products, b.units, b.value_cost, b.value_retail,
       b.low_stock, b.out_of_stock, b.expiring, (SELECT sum(surplus) FROM by_category) AS surplus,
       coalesce(c.name, 'Uncategorised') AS name
     FROM by_category b LEFT JOIN categories c ON c.id = b.category_id
     WHERE b.products > 0
     ORDER BY b.value_retail DESC, name`,
    [storeId],
  );
  const sum = (column: Exclude<keyof CategoryStock, 'category_id' | 'name' | 'surplus'>) =>
    rows.reduce((n, r) => n + num(r[column]), 0);
  return {
    figures: {
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
    },
    surplus: num(rows[0]?.surplus ?? 0),
  };
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
 * One row per day of the store's last `days` local days, today included, days without sales
 * too, from the triggers' per-day deltas (`dashboard_sales_days`). Orders are completed (not
 * voided) sales; units and revenue are net of the day's refunds.
 */
export async function salesTrend(db: Db, storeId: string, timezone: string, days: number) {
  const { rows } = await db.query<{
    date: string;
    orders: string;
    units: string;
    revenue: string;
    rows: string;
  }>(
    `WITH today AS (SELECT (now() AT TIME ZONE $2)::date AS local_day),
     days AS (
       SELECT generate_series(local_day - ($3::int - 1), local_day, '1 day')::date AS day FROM today
     ), daily AS (
       SELECT day, sum(orders) AS orders, sum(units) AS units, sum(revenue) AS revenue,
         count(*) AS rows
       FROM dashboard_sales_days, today
       WHERE store_id = $1 AND day >= local_day - ($3::int - 1)
       GROUP BY day
     )
     SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(daily.orders, 0) AS orders,
       coalesce(daily.units, 0) AS units, coalesce(daily.revenue, 0) AS revenue,
       coalesce(daily.rows, 0) AS rows
     FROM days d LEFT JOIN daily ON daily.day = d.day ORDER BY d.day`,
    [storeId, timezone, days],
  );
  return {
    trend: rows.map((r) => ({
      date: r.date,
      orders: num(r.orders),
      units: num(r.units),
      revenue: num(r.revenue),
    })),
    /** Delta rows beyond one per day. */
    surplus: rows.reduce((n, r) => n + Math.max(0, num(r.rows) - 1), 0),
  };
}
