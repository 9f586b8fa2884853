-- migrate:no-transaction lock_timeout=5s
-- Type-ahead search (GET products/search): names that start with the typed text, read in
-- order from this index and stopped at the limit, instead of ranking every match. Built
-- CONCURRENTLY so a live store keeps selling; dropped first so a retry after a failed build
-- (which leaves an invalid index behind) starts clean.
DROP INDEX CONCURRENTLY IF EXISTS products_store_lower_name_idx;
CREATE INDEX CONCURRENTLY products_store_lower_name_idx
  ON products (store_id, lower(name) text_pattern_ops);

-- Statistics for the new expression, so the planner estimates name-prefix matches at once.
ANALYZE products;
