import type { Db } from '../../db/pool';

const num = (v: string | number | null) => Number(v ?? 0);

export async function totals(db: Db, storeId: string) {
  const { rows } = await db.query(
    `SELECT count(*) AS products,
       count(*) FILTER (WHERE active) AS active_products,
       coalesce(sum(quantity), 0) AS units,
       coalesce(sum(quantity * cost), 0) AS value_cost,
       coalesce(sum(quantity * price), 0) AS value_retail,
       count(*) FILTER (WHERE quantity <= reorder_point AND quantity > 0) AS low_stock,
       count(*) FILTER (WHERE quantity = 0) AS out_of_stock,
       count(*) FILTER (WHERE expires_at IS NOT NULL AND expires_at <= current_date + 30) AS expiring
     FROM products WHERE store_id = $1`,
    [storeId],
  );
  const r = rows[0];
  return {
    totals: {
      products: num(r.products),
      activeProducts: num(r.active_products),
      units: num(r.units),
      inventoryValueCost: num(r.value_cost),
      inventoryValueRetail: num(r.value_retail),
    },
    lowStockCount: num(r.low_stock),
    outOfStockCount: num(r.out_of_stock),
    expiringSoonCount: num(r.expiring),
  };
}

export async function categoryBreakdown(db: Db, storeId: string) {
  const { rows } = await db.query(
    `SELECT p.category_id, coalesce(c.name, 'Uncategorised') AS name, count(*) AS products,
       coalesce(sum(p.quantity), 0) AS units, coalesce(sum(p.quantity * p.cost), 0) AS value_cost,
       coalesce(sum(p.quantity * p.price), 0) AS value_retail
     FROM products p LEFT JOIN categories c ON c.id = p.category_id
     WHERE p.store_id = $1
     GROUP BY p.category_id, c.name ORDER BY value_retail DESC, name`,
    [storeId],
  );
  return rows.map((r) => ({
    categoryId: r.category_id as string | null,
    name: r.name as string,
    products: num(r.products),
    units: num(r.units),
    valueCost: num(r.value_cost),
    valueRetail: num(r.value_retail),
  }));
}

export async function topMovers(db: Db, storeId: string, days: number, limit: number) {
  const { rows } = await db.query(
    // Aggregate the lines by product first and join only the top few to products.
    `WITH top AS (
       SELECT product_id, sum(quantity) AS units, sum(line_total) AS revenue
       FROM sale_items
       WHERE store_id = $1 AND sold_at >= now() - make_interval(days => $2)
       GROUP BY product_id ORDER BY units DESC, revenue DESC, product_id LIMIT $3
     )
     SELECT t.product_id, p.name, p.sku, t.units, t.revenue
     FROM top t JOIN products p ON p.id = t.product_id
     ORDER BY t.units DESC, t.revenue DESC, t.product_id`,
    [storeId, days, limit],
  );
  return rows.map((r) => ({
    productId: r.product_id as string,
    name: r.name as string,
    sku: r.sku as string,
    unitsSold: num(r.units),
    revenue: num(r.revenue),
  }));
}

/** In-stock, active products that sold least recently (never sold first). */
export async function slowMovers(db: Db, storeId: string, limit: number) {
  const { rows } = await db.query(
    `SELECT id, name, sku, quantity, (current_date - last_sold_at::date) AS days
     FROM products WHERE store_id = $1 AND active AND quantity > 0
     ORDER BY last_sold_at ASC NULLS FIRST, id LIMIT $2`,
    [storeId, limit],
  );
  return rows.map((r) => ({
    productId: r.id as string,
    name: r.name as string,
    sku: r.sku as string,
    quantity: num(r.quantity),
    daysSinceLastSale: r.days === null ? null : num(r.days),
  }));
}

/** One row per day of the store's calendar, days without sales included. */
export async function salesTrend(db: Db, storeId: string, timezone: string, days: number) {
  const { rows } = await db.query(
    `WITH days AS (
       SELECT generate_series((now() AT TIME ZONE $2)::date - ($3::int - 1), (now() AT TIME ZONE $2)::date, '1 day')::date AS day
     ), daily AS (
       SELECT (s.sold_at AT TIME ZONE $2)::date AS day, count(*) AS orders, sum(s.item_count) AS units, sum(s.total) AS revenue
       FROM sales s
       WHERE s.store_id = $1 AND s.sold_at >= ((now() AT TIME ZONE $2)::date - ($3::int - 1)) AT TIME ZONE $2
       GROUP BY 1
     )
     SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(daily.orders, 0) AS orders,
       coalesce(daily.units, 0) AS units, coalesce(daily.revenue, 0) AS revenue
     FROM days d LEFT JOIN daily ON daily.day = d.day ORDER BY d.day`,
    [storeId, timezone, days],
  );
  return rows.map((r) => ({
    date: r.date as string,
    orders: num(r.orders),
    units: num(r.units),
    revenue: num(r.revenue),
  }));
}
