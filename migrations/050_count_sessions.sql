-- Count sessions (inventory's, issue 22): a count of a category, an aisle or the whole store,
-- blind or not, whose lines are counted one by one (on a phone) and posted together as `count`
-- movements. A line keeps when it was counted: the adjustment posted is counted minus the stock
-- at that moment (the stock now less the movements since), so a sale between counting and
-- posting is not lost.
CREATE TABLE count_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('store', 'category', 'aisle')),
  -- The category or aisle counted; the label keeps what it was called when the count started.
  category_id uuid REFERENCES categories (id) ON DELETE SET NULL,
  aisle text CHECK (length(aisle) BETWEEN 1 AND 50),
  scope_label text NOT NULL,
  blind boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted', 'cancelled')),
  note text CHECK (length(note) <= 500),
  -- Products of the scope left out because another open count already had them.
  skipped integer NOT NULL DEFAULT 0 CHECK (skipped >= 0),
  started_by uuid REFERENCES users (id) ON DELETE SET NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  closed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  closed_at timestamptz
);
CREATE INDEX count_sessions_store_idx ON count_sessions (store_id, started_at DESC, id DESC);

CREATE TABLE count_session_lines (
  session_id uuid NOT NULL REFERENCES count_sessions (id) ON DELETE CASCADE,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  -- The books when the session started.
  expected_quantity integer NOT NULL CHECK (expected_quantity >= 0),
  counted_quantity integer CHECK (counted_quantity >= 0),
  counted_at timestamptz,
  counted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  -- Set when posted: the stock at counted_at, the change posted and its movement.
  stock_at_count integer,
  posted_delta integer,
  movement_id uuid,
  -- While its session is open: a product is in one open count at a time.
  open boolean NOT NULL DEFAULT true,
  PRIMARY KEY (session_id, product_id),
  CHECK ((counted_quantity IS NULL) = (counted_at IS NULL))
);
CREATE UNIQUE INDEX count_session_lines_open_key ON count_session_lines (store_id, product_id)
  WHERE open;
