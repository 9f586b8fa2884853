-- migrate:no-transaction lock_timeout=5s
-- Two additions of issue 22, one migration (the one number this stop had).
-- Issue 22, offline till: a sale rung up while the server could not be reached printed a
-- provisional receipt number (OFF-<device>-<n>, web/src/features/sales/offline/). The sale keeps
-- it when the queued sale is sent, so its receipt shows both numbers and a search for the number
-- on the customer's paper finds it. Not unique: two devices may, rarely, draw the same id, and a
-- sale must never be refused for its paper's number. As in 041: the nullable column is instant,
-- the format check is added NOT VALID and validated apart, the partial index built CONCURRENTLY.
ALTER TABLE sales ADD COLUMN IF NOT EXISTS provisional_number text;
ALTER TABLE sales DROP CONSTRAINT IF EXISTS sales_provisional_number_check,
  ADD CONSTRAINT sales_provisional_number_check
    CHECK (provisional_number ~ '^OFF-[A-Z0-9]{1,16}(-[1-9][0-9]{0,8})?$') NOT VALID;
ALTER TABLE sales VALIDATE CONSTRAINT sales_provisional_number_check;
DROP INDEX CONCURRENTLY IF EXISTS sales_store_provisional_number_idx;
CREATE INDEX CONCURRENTLY sales_store_provisional_number_idx
  ON sales (store_id, provisional_number) WHERE provisional_number IS NOT NULL;

-- Issue 22, manager approval: an approval of a discount is for an amount, the most the sale may
-- take off its list prices (discounts and lower prices together); a sale taking off more with
-- its token is refused (approvals.service.ts `use`). Null for a void or a refund, which name
-- their sale instead. A small table: the check is added and validated the same way all the same.
ALTER TABLE sale_approvals ADD COLUMN IF NOT EXISTS amount numeric(12, 2);
ALTER TABLE sale_approvals DROP CONSTRAINT IF EXISTS sale_approvals_amount_check,
  ADD CONSTRAINT sale_approvals_amount_check CHECK (amount >= 0) NOT VALID;
ALTER TABLE sale_approvals VALIDATE CONSTRAINT sale_approvals_amount_check;
