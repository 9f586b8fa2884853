-- System jobs (password-reset mail) belong to no store; store-scoped reads filter by store_id
-- and so never see them.
ALTER TABLE jobs ALTER COLUMN store_id DROP NOT NULL;

-- Thirty days of one product's revenue can pass numeric(16,2) even when every sale fits its
-- numeric(14,2) total; the summaries add up without a bound.
ALTER TABLE sales_snapshot_products ALTER COLUMN revenue TYPE numeric;
ALTER TABLE sales_snapshot_days ALTER COLUMN revenue TYPE numeric;
