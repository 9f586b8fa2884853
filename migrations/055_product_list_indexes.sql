-- migrate:no-transaction lock_timeout=5s
-- Product lists whose cost does not grow with the catalogue (docs/query-plans.md shows each
-- plan at 1M products). A list page and its capped total (at most 1,001 rows counted) each
-- read one index range in the list's order: the filter is the index's prefix, the sort its
-- next key, so a page reads about `limit` entries and the count at most 1,001, at 10k
-- products as at 1M. Without them a category or supplier list read every product of the
-- category, the low-stock list every low product, and `sort=updatedAt` (the till's catch-up)
-- sorted the whole store.
--
-- Built CONCURRENTLY so a live store keeps selling; each dropped first so a retry after a
-- failed build starts clean. The indexes they replace are their prefixes.
DROP INDEX CONCURRENTLY IF EXISTS products_store_category_name_idx;
CREATE INDEX CONCURRENTLY products_store_category_name_idx
  ON products (store_id, category_id, name, id);
DROP INDEX CONCURRENTLY IF EXISTS products_store_category_idx;

DROP INDEX CONCURRENTLY IF EXISTS products_store_supplier_name_idx;
CREATE INDEX CONCURRENTLY products_store_supplier_name_idx
  ON products (store_id, supplier_id, name, id);
DROP INDEX CONCURRENTLY IF EXISTS products_store_supplier_idx;

-- Low stock (`lowStock`, `status=low_stock`, the reorder view), by name, and within a category.
DROP INDEX CONCURRENTLY IF EXISTS products_low_stock_name_idx;
CREATE INDEX CONCURRENTLY products_low_stock_name_idx
  ON products (store_id, name, id) WHERE quantity <= reorder_point;
DROP INDEX CONCURRENTLY IF EXISTS products_low_stock_category_idx;
CREATE INDEX CONCURRENTLY products_low_stock_category_idx
  ON products (store_id, category_id, name, id) WHERE quantity <= reorder_point;
DROP INDEX CONCURRENTLY IF EXISTS products_low_stock_idx;

-- Expiry: every product (NULLs last, as `sort=expiresAt` orders them), with the id that breaks
-- ties, so the expiry sort reads it in order and `expiringWithinDays` / `status=expired` read a
-- range of it.
DROP INDEX CONCURRENTLY IF EXISTS products_store_expires_id_idx;
CREATE INDEX CONCURRENTLY products_store_expires_id_idx ON products (store_id, expires_at, id);
DROP INDEX CONCURRENTLY IF EXISTS products_store_expires_idx;

-- The sorts that had no index: last changed (the catch-up of an offline copy) and cost.
DROP INDEX CONCURRENTLY IF EXISTS products_store_updated_idx;
CREATE INDEX CONCURRENTLY products_store_updated_idx ON products (store_id, updated_at, id);
DROP INDEX CONCURRENTLY IF EXISTS products_store_cost_idx;
CREATE INDEX CONCURRENTLY products_store_cost_idx ON products (store_id, cost, id);
