-- Issue 19, Web Push: the browsers (service workers) a user subscribed to push notifications.
-- One row per push service endpoint: subscribing again from the same browser, as another
-- user, moves the endpoint to that user. Removed when unsubscribed or when the push service
-- answers 404/410. New table only: instant.
CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  endpoint text NOT NULL CHECK (length(endpoint) BETWEEN 9 AND 2048),
  -- The browser's P-256 public key (65 bytes, uncompressed) and auth secret (16 bytes).
  p256dh bytea NOT NULL CHECK (length(p256dh) = 65),
  auth bytea NOT NULL CHECK (length(auth) = 16),
  -- What the user calls the device, and the browser's User-Agent when it subscribed.
  label text CHECK (length(label) BETWEEN 1 AND 100),
  user_agent text CHECK (length(user_agent) <= 300),
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  -- Refusals in a row (a 4xx other than 404/410); reset by a delivery.
  failures integer NOT NULL DEFAULT 0,
  CONSTRAINT push_subscriptions_endpoint_key UNIQUE (endpoint)
);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);
