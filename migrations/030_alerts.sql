-- Issue 19, alerts: what a store needs to know now. An alert is open while its condition
-- holds (one open alert per store, kind and subject: a check that finds the same condition
-- again changes nothing) and resolved when the condition ends; if it comes back, a new alert
-- opens. New table only: instant.
CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN (
    'low_stock', 'out_of_stock', 'stockout_risk', 'demand_anomaly', 'expiring', 'expired',
    'delivery_late', 'invoice_due', 'invoice_overdue')),
  subject_type text NOT NULL CHECK (subject_type IN ('product', 'purchase_order', 'invoice')),
  subject_id uuid NOT NULL,
  -- What the alert says, as written when it opened (the subject's name, its date).
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  detail jsonb NOT NULL DEFAULT '{}',
  -- Milliseconds, as a page cursor (a JavaScript Date) carries them.
  opened_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  resolved_at timestamptz
);
CREATE UNIQUE INDEX alerts_open_once_key ON alerts (store_id, kind, subject_id)
  WHERE resolved_at IS NULL;
CREATE INDEX alerts_store_opened_idx ON alerts (store_id, opened_at DESC, id DESC);
