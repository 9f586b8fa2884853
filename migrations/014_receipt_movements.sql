-- migrate:no-transaction lock_timeout=5s
-- A purchase order's receipts list the ledger movements each one made (reference_type
-- 'purchase_receipt', reference_id = the receipt): find them by reference instead of reading
-- every receipt movement of the store. Partial, so sales and adjustments (most of the ledger)
-- cost nothing here. CONCURRENTLY on the large ledger table; dropped first so a retry after a
-- failed build (which leaves an invalid index behind) starts clean.
DROP INDEX CONCURRENTLY IF EXISTS stock_movements_receipt_idx;
CREATE INDEX CONCURRENTLY stock_movements_receipt_idx
  ON stock_movements (store_id, reference_id) WHERE reference_type = 'purchase_receipt';
