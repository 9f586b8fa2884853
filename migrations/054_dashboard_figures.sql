-- Issue 23, the dashboard in 50 ms: its figures kept current as stock and sales change, in the
-- writing transaction, instead of a scan of every product (and, once a day, 29 days of sale
-- lines) on the dashboard's request.
--
-- Statement-level triggers feed them, as they feed product_words: every path that changes a
-- product or records a sale, void or refund (sales, receipts, counts, transfers, imports,
-- edits, deletes, a category's removal) goes through these tables' statements, today's and
-- those added later, so no caller can forget to. One aggregate INSERT per statement, whatever
-- its row count (an import of 100k rows adds one row per category).
--
-- No hot row: a sale never updates a per-store or per-category row (every sale of a store
-- would queue on it). `dashboard_stock` and `dashboard_sales_days` are append-only deltas that
-- the dashboard sums; the dashboard folds a store's rows into one per category or day now
-- and then (analytics/dashboard-figures.ts), in one statement, so concurrent writers never
-- wait. `dashboard_product_sales` is one row per product, updated only by statements that
-- already hold that product's row (a sale locks it to take the stock).

-- Per store, category (null: none) and best-before day, what its products add up to. Rows
-- are deltas.
CREATE TABLE dashboard_stock (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  category_id uuid,
  -- The products' best-before day (null: none), for "expiring soon" (within 30 days of today).
  expires_on date,
  products bigint NOT NULL,
  active_products bigint NOT NULL,
  units bigint NOT NULL,
  value_cost numeric NOT NULL,
  value_retail numeric NOT NULL,
  low_stock bigint NOT NULL,
  out_of_stock bigint NOT NULL
);
CREATE INDEX dashboard_stock_store_idx ON dashboard_stock (store_id);

-- Per store and local day (the store's time zone): completed sales, and units and revenue (less
-- tax) net of the refunds made that day. Rows are deltas.
CREATE TABLE dashboard_sales_days (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  day date NOT NULL,
  orders bigint NOT NULL,
  units bigint NOT NULL,
  revenue numeric NOT NULL
);
CREATE INDEX dashboard_sales_days_store_idx ON dashboard_sales_days (store_id, day);

-- Per product, the units of every line sold at or after the store's floor
-- (dashboard_sales_floors; none: since ever), voids and refunds not taken off: never less than
-- its net units in a window that starts at or after the floor. The best sellers are ranked by
-- this bound and checked exactly against the sale lines (analytics/top-movers.repo.ts).
CREATE TABLE dashboard_product_sales (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL,
  units bigint NOT NULL,
  PRIMARY KEY (store_id, product_id)
);
CREATE INDEX dashboard_product_sales_rank_idx ON dashboard_product_sales (store_id, units DESC, product_id);

-- Moved forward by the hourly cleanup, which takes the lines before it off the bound.
CREATE TABLE dashboard_sales_floors (
  store_id uuid PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
  floor_at timestamptz NOT NULL
);

-- What the changed products add to and take off the stock figures (one statement's rows). The
-- store is joined so a store being deleted (its products cascading) adds nothing. Only the
-- branch of the statement's own kind is planned (the others name transition tables it lacks).
CREATE FUNCTION dashboard_stock_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
  INSERT INTO dashboard_stock (store_id, category_id, expires_on, products, active_products, units,
    value_cost, value_retail, low_stock, out_of_stock)
  SELECT d.store_id, d.category_id, d.expires_at, sum(d.sign), coalesce(sum(d.sign) FILTER (WHERE d.active), 0),
    sum(d.sign * d.quantity), sum(d.sign * d.quantity * coalesce(d.cost, 0)),
    sum(d.sign * d.quantity * d.price),
    coalesce(sum(d.sign) FILTER (WHERE d.quantity <= d.reorder_point AND d.quantity > 0), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.quantity = 0), 0)
  FROM (SELECT 1 AS sign, store_id, category_id, expires_at, active, quantity, cost, price, reorder_point FROM new_rows) d
  JOIN stores s ON s.id = d.store_id
  GROUP BY d.store_id, d.category_id, d.expires_at
  HAVING sum(d.sign) <> 0 OR sum(d.sign) FILTER (WHERE d.active) <> 0
    OR sum(d.sign * d.quantity) <> 0 OR sum(d.sign * d.quantity * coalesce(d.cost, 0)) <> 0
    OR sum(d.sign * d.quantity * d.price) <> 0
    OR sum(d.sign) FILTER (WHERE d.quantity <= d.reorder_point AND d.quantity > 0) <> 0
    OR sum(d.sign) FILTER (WHERE d.quantity = 0) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
  INSERT INTO dashboard_stock (store_id, category_id, expires_on, products, active_products, units,
    value_cost, value_retail, low_stock, out_of_stock)
  SELECT d.store_id, d.category_id, d.expires_at, sum(d.sign), coalesce(sum(d.sign) FILTER (WHERE d.active), 0),
    sum(d.sign * d.quantity), sum(d.sign * d.quantity * coalesce(d.cost, 0)),
    sum(d.sign * d.quantity * d.price),
    coalesce(sum(d.sign) FILTER (WHERE d.quantity <= d.reorder_point AND d.quantity > 0), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.quantity = 0), 0)
  FROM (SELECT -1 AS sign, store_id, category_id, expires_at, active, quantity, cost, price, reorder_point FROM old_rows) d
  JOIN stores s ON s.id = d.store_id
  GROUP BY d.store_id, d.category_id, d.expires_at
  HAVING sum(d.sign) <> 0 OR sum(d.sign) FILTER (WHERE d.active) <> 0
    OR sum(d.sign * d.quantity) <> 0 OR sum(d.sign * d.quantity * coalesce(d.cost, 0)) <> 0
    OR sum(d.sign * d.quantity * d.price) <> 0
    OR sum(d.sign) FILTER (WHERE d.quantity <= d.reorder_point AND d.quantity > 0) <> 0
    OR sum(d.sign) FILTER (WHERE d.quantity = 0) <> 0;
  ELSE
  INSERT INTO dashboard_stock (store_id, category_id, expires_on, products, active_products, units,
    value_cost, value_retail, low_stock, out_of_stock)
  SELECT d.store_id, d.category_id, d.expires_at, sum(d.sign), coalesce(sum(d.sign) FILTER (WHERE d.active), 0),
    sum(d.sign * d.quantity), sum(d.sign * d.quantity * coalesce(d.cost, 0)),
    sum(d.sign * d.quantity * d.price),
    coalesce(sum(d.sign) FILTER (WHERE d.quantity <= d.reorder_point AND d.quantity > 0), 0),
    coalesce(sum(d.sign) FILTER (WHERE d.quantity = 0), 0)
  FROM (SELECT 1 AS sign, store_id, category_id, expires_at, active, quantity, cost, price, reorder_point FROM new_rows
    UNION ALL SELECT -1, store_id, category_id, expires_at, active, quantity, cost, price, reorder_point FROM old_rows) d
  JOIN stores s ON s.id = d.store_id
  GROUP BY d.store_id, d.category_id, d.expires_at
  HAVING sum(d.sign) <> 0 OR sum(d.sign) FILTER (WHERE d.active) <> 0
    OR sum(d.sign * d.quantity) <> 0 OR sum(d.sign * d.quantity * coalesce(d.cost, 0)) <> 0
    OR sum(d.sign * d.quantity * d.price) <> 0
    OR sum(d.sign) FILTER (WHERE d.quantity <= d.reorder_point AND d.quantity > 0) <> 0
    OR sum(d.sign) FILTER (WHERE d.quantity = 0) <> 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER products_dashboard_inserted AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_stock_changed();
CREATE TRIGGER products_dashboard_updated AFTER UPDATE ON products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_stock_changed();
CREATE TRIGGER products_dashboard_deleted AFTER DELETE ON products
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_stock_changed();

-- What recorded, voided (an update) or refunded sales add to their local days: a completed
-- sale counts on the day it was sold, a refund is taken off the day it was made.
CREATE FUNCTION dashboard_sales_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sale_refunds' THEN
    INSERT INTO dashboard_sales_days (store_id, day, orders, units, revenue)
    SELECT r.store_id, (r.created_at AT TIME ZONE s.timezone)::date, 0, -sum(r.item_count),
      -sum(r.total - r.tax_total)
    FROM new_rows r JOIN stores s ON s.id = r.store_id
    GROUP BY 1, 2;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO dashboard_sales_days (store_id, day, orders, units, revenue)
    SELECT n.store_id, (n.sold_at AT TIME ZONE s.timezone)::date, count(*), sum(n.item_count),
      sum(n.total - n.tax_total)
    FROM new_rows n JOIN stores s ON s.id = n.store_id
    WHERE n.status = 'completed'
    GROUP BY 1, 2;
  ELSE
    INSERT INTO dashboard_sales_days (store_id, day, orders, units, revenue)
    SELECT d.store_id, (d.sold_at AT TIME ZONE s.timezone)::date, sum(d.sign),
      sum(d.sign * d.item_count), sum(d.sign * (d.total - d.tax_total))
    FROM (
      SELECT 1 AS sign, store_id, sold_at, item_count, total, tax_total FROM new_rows
      WHERE status = 'completed'
      UNION ALL
      SELECT -1, store_id, sold_at, item_count, total, tax_total FROM old_rows
      WHERE status = 'completed'
    ) d JOIN stores s ON s.id = d.store_id
    GROUP BY 1, 2
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.item_count) <> 0
      OR sum(d.sign * (d.total - d.tax_total)) <> 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sales_dashboard_inserted AFTER INSERT ON sales
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_sales_changed();
CREATE TRIGGER sales_dashboard_updated AFTER UPDATE ON sales
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_sales_changed();
CREATE TRIGGER sale_refunds_dashboard_inserted AFTER INSERT ON sale_refunds
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_sales_changed();

-- Every sold line raises its product's bound (rows sorted, so two statements lock them in the
-- same order).
CREATE FUNCTION dashboard_lines_sold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_product_sales AS t (store_id, product_id, units)
  SELECT n.store_id, n.product_id, sum(n.quantity)
  FROM new_rows n JOIN stores s ON s.id = n.store_id
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (store_id, product_id) DO UPDATE SET units = t.units + excluded.units;
  RETURN NULL;
END $$;

CREATE TRIGGER sale_items_dashboard_inserted AFTER INSERT ON sale_items
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_lines_sold();

-- A store's days follow its time zone: a change recounts its recent days in the new one (one
-- statement, so one snapshot: a sale committed before it is recounted, one after it kept).
CREATE FUNCTION dashboard_store_rezoned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    DELETE FROM dashboard_sales_days d USING new_rows n JOIN old_rows o ON o.id = n.id
    WHERE d.store_id = n.id AND o.timezone IS DISTINCT FROM n.timezone
    RETURNING d.store_id
  )
  INSERT INTO dashboard_sales_days (store_id, day, orders, units, revenue)
  SELECT x.store_id, x.day, sum(x.orders), sum(x.units), sum(x.revenue)
  FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.timezone IS DISTINCT FROM n.timezone,
  LATERAL (
    SELECT n.id AS store_id, (sold_at AT TIME ZONE n.timezone)::date AS day, 1 AS orders,
      item_count AS units, total - tax_total AS revenue
    FROM sales
    WHERE store_id = n.id AND status = 'completed' AND sold_at >= now() - interval '40 days'
    UNION ALL
    SELECT n.id, (created_at AT TIME ZONE n.timezone)::date, 0, -item_count, -(total - tax_total)
    FROM sale_refunds WHERE store_id = n.id AND created_at >= now() - interval '40 days'
  ) x
  GROUP BY 1, 2;
  RETURN NULL;
END $$;

CREATE TRIGGER stores_dashboard_rezoned AFTER UPDATE ON stores
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_store_rezoned();

-- The stores there are, counted as the triggers would have (the triggers and this backfill
-- run in the migration's transaction, which their tables' locks keep writes out of).
INSERT INTO dashboard_stock (store_id, category_id, expires_on, products, active_products, units, value_cost,
  value_retail, low_stock, out_of_stock)
SELECT store_id, category_id, expires_at, count(*), count(*) FILTER (WHERE active),
  coalesce(sum(quantity), 0),
  coalesce(sum(quantity * coalesce(cost, 0)), 0), coalesce(sum(quantity * price), 0),
  count(*) FILTER (WHERE quantity <= reorder_point AND quantity > 0),
  count(*) FILTER (WHERE quantity = 0)
FROM products GROUP BY store_id, category_id, expires_at;

INSERT INTO dashboard_sales_days (store_id, day, orders, units, revenue)
SELECT x.store_id, x.day, sum(x.orders), sum(x.units), sum(x.revenue)
FROM stores st, LATERAL (
  SELECT st.id AS store_id, (sold_at AT TIME ZONE st.timezone)::date AS day, 1 AS orders,
    item_count AS units, total - tax_total AS revenue
  FROM sales
  WHERE store_id = st.id AND status = 'completed' AND sold_at >= now() - interval '40 days'
  UNION ALL
  SELECT st.id, (created_at AT TIME ZONE st.timezone)::date, 0, -item_count, -(total - tax_total)
  FROM sale_refunds WHERE store_id = st.id AND created_at >= now() - interval '40 days'
) x
GROUP BY 1, 2;

-- The floor: the start of the dashboard's 30-day window (the store's local day 29 days ago), so
-- the bound is the window's units sold; the hourly cleanup keeps it there.
INSERT INTO dashboard_sales_floors (store_id, floor_at)
SELECT id, ((now() AT TIME ZONE timezone)::date - 29)::timestamp AT TIME ZONE timezone FROM stores;

INSERT INTO dashboard_product_sales (store_id, product_id, units)
SELECT i.store_id, i.product_id, sum(i.quantity)
FROM sale_items i JOIN dashboard_sales_floors f ON f.store_id = i.store_id
WHERE i.sold_at >= f.floor_at
GROUP BY 1, 2;

-- The slow sellers (in stock, active, least recently sold first) in index order, not a sort of
-- every product. Built in this transaction: the triggers' creation already holds writes to
-- products back until the backfill is done (a second or two at 100k products).
CREATE INDEX products_slow_movers_idx ON products (store_id, last_sold_at NULLS FIRST, id)
  WHERE active AND quantity > 0;

DROP TABLE sales_snapshot_products, sales_snapshot_days, sales_snapshots;

ANALYZE dashboard_stock, dashboard_sales_days, dashboard_product_sales, dashboard_sales_floors;
