-- Issue 20, outbound webhooks: a store's endpoints (admins register them with an event filter)
-- and every delivery to them, in order per endpoint (`seq`). The signing secret is kept
-- encrypted with the field cipher; during a rotation the previous one signs too until
-- `previous_secret_expires_at`. `drain_queued`: a delivery job for the endpoint is queued (so
-- a burst of events queues one job, and a delivery is never left without one). New tables and
-- constraint swaps on the small alerts table: instant.
CREATE TABLE webhook_endpoints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
  -- Event types delivered; empty: every type.
  events text[] NOT NULL DEFAULT '{}',
  secret text NOT NULL,
  previous_secret text,
  previous_secret_expires_at timestamptz,
  enabled boolean NOT NULL DEFAULT true,
  disabled_reason text,
  consecutive_failures integer NOT NULL DEFAULT 0,
  drain_queued boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);
CREATE INDEX webhook_endpoints_store_idx ON webhook_endpoints (store_id, created_at DESC);

CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order of delivery within the endpoint (event order; a redelivery goes last).
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  -- The outbox event delivered (null: a test event or a redelivery), so an event the publisher
  -- hands over twice is queued once.
  outbox_id bigint,
  event_id text NOT NULL,
  event_type text NOT NULL,
  -- The body sent (the event as the feed shows it).
  payload jsonb NOT NULL,
  redelivery_of uuid REFERENCES webhook_deliveries (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'retrying', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  response_status integer,
  duration_ms integer,
  -- At most 1 KB of the answer's body.
  response_excerpt text,
  error text,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  delivered_at timestamptz
);
CREATE UNIQUE INDEX webhook_deliveries_event_once_key ON webhook_deliveries (endpoint_id, outbox_id)
  WHERE outbox_id IS NOT NULL;
CREATE INDEX webhook_deliveries_queue_idx ON webhook_deliveries (endpoint_id, seq)
  WHERE status IN ('pending', 'retrying');
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (endpoint_id, seq DESC);
CREATE INDEX webhook_deliveries_store_idx ON webhook_deliveries (store_id);

-- An endpoint disabled after its run of failures is an alert to the store's admins.
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN (
  'low_stock', 'out_of_stock', 'stockout_risk', 'demand_anomaly', 'expiring', 'expired',
  'delivery_late', 'invoice_due', 'invoice_overdue', 'job_failed', 'webhook_disabled'));
ALTER TABLE alerts DROP CONSTRAINT alerts_subject_type_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_subject_type_check
  CHECK (subject_type IN ('product', 'purchase_order', 'invoice', 'job', 'webhook'));
