-- Issue 20, API keys: an integrator's credential for one store with one role. The secret is
-- never stored: `lookup` (the public part after `nmb_`, also shown in lists as the prefix)
-- finds the row, `secret_hash` (SHA-256 of the whole token, 256 random bits) is compared in
-- constant time. A key is deleted with its store, and with the account that created it.
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'employee', 'viewer')),
  lookup text NOT NULL UNIQUE,
  secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
  created_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  -- Written at most about once a minute per key, not on every request.
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_keys_store_idx ON api_keys (store_id, created_at DESC);
CREATE INDEX api_keys_created_by_idx ON api_keys (created_by);

-- Who caused an event: {"type":"user","id"} or {"type":"apiKey","id","name"} (null: the
-- system, or events written before this migration). Instant: a nullable column, no rewrite.
ALTER TABLE outbox_events ADD COLUMN actor jsonb;
