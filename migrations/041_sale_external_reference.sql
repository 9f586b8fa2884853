-- migrate:no-transaction lock_timeout=5s
-- Issue 20, integrations: a till or web shop posts its sales with its own id. A sale may carry
-- that `external_reference`, unique in its store, so a retried post finds the sale it already
-- made instead of selling twice (sales.service.ts `record`). A nullable column is instant; the
-- bound is added NOT VALID and validated apart (no write waits on the scan of a large table),
-- and the index is built CONCURRENTLY, dropped first so a retry after a failed build starts
-- clean. Partial: the sales without one (most of them) cost nothing.
ALTER TABLE sales ADD COLUMN IF NOT EXISTS external_reference text;
ALTER TABLE sales DROP CONSTRAINT IF EXISTS sales_external_reference_check,
  ADD CONSTRAINT sales_external_reference_check
    CHECK (length(external_reference) BETWEEN 1 AND 100) NOT VALID;
ALTER TABLE sales VALIDATE CONSTRAINT sales_external_reference_check;
DROP INDEX CONCURRENTLY IF EXISTS sales_store_external_reference_key;
CREATE UNIQUE INDEX CONCURRENTLY sales_store_external_reference_key
  ON sales (store_id, external_reference) WHERE external_reference IS NOT NULL;
