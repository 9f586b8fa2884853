-- Catalogue (categories, suppliers, products), the stock ledger, sales, field history,
-- the event outbox and idempotency keys.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  name citext NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  description text CHECK (length(description) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT categories_store_name_key UNIQUE (store_id, name)
);

CREATE TABLE suppliers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  email citext,
  phone text,
  address text,
  city text,
  state text,
  zip text,
  website text,
  contact_person text,
  payment_terms text,
  -- AES-256-GCM: iv || tag || ciphertext, base64. Never selected into responses as is.
  tax_id_encrypted text,
  notes text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'on-hold', 'new')),
  lead_time_days integer CHECK (lead_time_days BETWEEN 0 AND 365),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suppliers_store_name_idx ON suppliers (store_id, name);

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  sku text NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
  barcode text CHECK (length(barcode) BETWEEN 1 AND 48),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text,
  category_id uuid REFERENCES categories (id) ON DELETE SET NULL,
  supplier_id uuid REFERENCES suppliers (id) ON DELETE SET NULL,
  brand text,
  department text,
  unit text,
  pack_size integer CHECK (pack_size > 0),
  price numeric(12, 2) NOT NULL CHECK (price >= 0),
  cost numeric(12, 2) CHECK (cost >= 0),
  reorder_point integer NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
  reorder_quantity integer CHECK (reorder_quantity >= 0),
  location_aisle text,
  location_row text,
  location_bin text,
  expires_at date,
  active boolean NOT NULL DEFAULT true,
  -- Maintained only by the stock ledger, in the same transaction as each movement.
  quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
  last_sold_at timestamptz,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(sku, '') || ' ' || coalesce(barcode, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(brand, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'C')
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT products_store_sku_key UNIQUE (store_id, sku)
);
CREATE UNIQUE INDEX products_store_barcode_key ON products (store_id, barcode) WHERE barcode IS NOT NULL;
CREATE INDEX products_store_name_idx ON products (store_id, name, id);
CREATE INDEX products_store_created_idx ON products (store_id, created_at, id);
CREATE INDEX products_store_price_idx ON products (store_id, price, id);
CREATE INDEX products_store_quantity_idx ON products (store_id, quantity, id);
CREATE INDEX products_store_category_idx ON products (store_id, category_id);
CREATE INDEX products_store_supplier_idx ON products (store_id, supplier_id);
CREATE INDEX products_store_expires_idx ON products (store_id, expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX products_low_stock_idx ON products (store_id) WHERE quantity <= reorder_point;
CREATE INDEX products_search_idx ON products USING gin (search);
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);

CREATE TABLE stock_movements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  delta integer NOT NULL CHECK (delta <> 0),
  reason text NOT NULL CHECK (reason IN ('sale', 'purchase_receipt', 'adjustment', 'count', 'return',
    'damaged', 'expired', 'spoiled', 'lost', 'theft', 'import', 'initial')),
  reference_type text,
  reference_id uuid,
  note text,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  quantity_after integer NOT NULL CHECK (quantity_after >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_product_idx ON stock_movements (store_id, product_id, created_at DESC, id DESC);
CREATE INDEX stock_movements_store_idx ON stock_movements (store_id, created_at DESC, id DESC);
CREATE INDEX stock_movements_reason_idx ON stock_movements (store_id, reason, created_at);

CREATE TABLE sales (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  sold_at timestamptz NOT NULL DEFAULT now(),
  note text,
  total numeric(14, 2) NOT NULL,
  item_count integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sales_store_sold_idx ON sales (store_id, sold_at DESC, id DESC);

CREATE TABLE sale_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sale_id uuid NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
  line_total numeric(14, 2) NOT NULL,
  sold_at timestamptz NOT NULL
);
CREATE INDEX sale_items_sale_idx ON sale_items (sale_id);
CREATE INDEX sale_items_product_idx ON sale_items (store_id, product_id, sold_at);
CREATE INDEX sale_items_store_sold_idx ON sale_items (store_id, sold_at);

CREATE TABLE product_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  field text NOT NULL,
  old_value text,
  new_value text,
  changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  reason text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_history_product_idx ON product_history (store_id, product_id, changed_at DESC);

-- Every committed change of stock or catalogue, written in the same transaction as the
-- change; publishers (WebSocket, webhooks) read from here, so nothing rolled back is announced.
CREATE TABLE outbox_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL;
CREATE INDEX outbox_events_store_idx ON outbox_events (store_id, id);

-- Idempotency-Key records, per caller; the response is stored in the same transaction
-- as the change it describes.
CREATE TABLE idempotency_keys (
  principal text NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('in_progress', 'done')),
  response_status integer,
  response_body jsonb,
  locked_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
