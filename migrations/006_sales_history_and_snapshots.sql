-- A sold product keeps its sale lines: deleting it is refused (NO ACTION is checked at the
-- end of the statement, so deleting a whole store still cascades through both tables).
ALTER TABLE sale_items DROP CONSTRAINT sale_items_product_id_fkey;
ALTER TABLE sale_items ADD CONSTRAINT sale_items_product_id_fkey
  FOREIGN KEY (product_id) REFERENCES products (id);

-- Dashboard sales analytics: the closed days of the 30-day window are aggregated once per
-- store per day (the first dashboard of the day builds it); the current day is read live.
-- A back-dated sale into a closed day drops the store's snapshot, so it is rebuilt.
CREATE TABLE sales_snapshots (
  store_id uuid PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
  timezone text NOT NULL,
  window_start timestamptz NOT NULL,
  -- Start of the store's current day when built: the snapshot covers [window_start, through).
  through timestamptz NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);

-- No foreign key to products: a sold product cannot be deleted (above), and the build
-- inserts up to one row per product of the store.
CREATE TABLE sales_snapshot_products (
  store_id uuid NOT NULL REFERENCES sales_snapshots (store_id) ON DELETE CASCADE,
  product_id uuid NOT NULL,
  units bigint NOT NULL,
  revenue numeric(16, 2) NOT NULL,
  PRIMARY KEY (store_id, product_id)
);

CREATE TABLE sales_snapshot_days (
  store_id uuid NOT NULL REFERENCES sales_snapshots (store_id) ON DELETE CASCADE,
  day date NOT NULL,
  orders integer NOT NULL,
  units bigint NOT NULL,
  revenue numeric(16, 2) NOT NULL,
  PRIMARY KEY (store_id, day)
);
