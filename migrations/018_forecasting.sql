-- Forecasting: what the last calculation found per product, kept so that lists (the product
-- list's days of stock left, reorder lists, the anomalies page) read it instead of computing.
-- The recalculation job replaces a store's rows; a single prediction is refreshed on read.

-- The stock-out prediction and the reorder point of a product.
CREATE TABLE product_predictions (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  -- Units a day over the last 30 days (net of refunds; voided sales count for nothing).
  avg_daily_sales double precision NOT NULL CHECK (avg_daily_sales >= 0),
  current_stock integer NOT NULL,
  -- Null when nothing sells.
  days_left double precision,
  stockout_date date,
  -- The reorder fields are null together: no sales history at all.
  reorder_point double precision,
  safety_stock double precision,
  suggested_quantity integer,
  lead_time_days double precision,
  service_level double precision,
  reorder_method text,
  calculated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, product_id)
);

-- The daily demand forecast of a product: `mean[i]`, `lower[i]`, `upper[i]` are the day
-- `start_date + i` (store days), `level` the interval's coverage. `sigma` is the spread of
-- one-day-ahead errors (demand variability for safety stock).
CREATE TABLE product_forecasts (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('ok', 'insufficient_history')),
  method text,
  message text,
  start_date date NOT NULL,
  level double precision,
  mean double precision[] NOT NULL DEFAULT '{}',
  lower double precision[] NOT NULL DEFAULT '{}',
  upper double precision[] NOT NULL DEFAULT '{}',
  sigma double precision,
  accuracy jsonb,
  factors jsonb NOT NULL DEFAULT '[]',
  calculated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, product_id)
);

-- Days of unusual demand found by the last recalculation (replaced by the next one).
CREATE TABLE demand_anomalies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('demand_spike', 'demand_drop')),
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  observed double precision NOT NULL,
  expected double precision NOT NULL,
  lower double precision NOT NULL,
  upper double precision NOT NULL,
  calculated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX demand_anomalies_store_day_idx ON demand_anomalies (store_id, day DESC);
CREATE INDEX demand_anomalies_product_idx ON demand_anomalies (product_id);
