-- Voids, refunds and sale numbers.
--
-- A sale gets a number people can read (per store, shown as S-000123) and a status: a void
-- marks it `voided` (never deleted) and its stock comes back through the ledger (`void`
-- movements). A refund is a linked return of some or all of a sale's lines: its own rows,
-- negative revenue on the day it is made, and `return` movements when it restocks.

-- The last number handed out in each store: the sale's transaction takes the next one as its
-- last statement, so numbers follow commit order with no gaps and the row is held briefly.
CREATE TABLE sale_counters (
  store_id uuid PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
  last_number integer NOT NULL
);

ALTER TABLE sales
  ADD COLUMN number integer,
  ADD COLUMN status text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'voided')),
  ADD COLUMN voided_at timestamptz,
  ADD COLUMN voided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  ADD COLUMN void_reason text CHECK (length(void_reason) BETWEEN 1 AND 500),
  ADD CONSTRAINT sales_void_check CHECK ((status = 'voided') = (voided_at IS NOT NULL));

-- Existing sales are numbered in the order they were recorded.
UPDATE sales s SET number = n.number
FROM (
  SELECT id, row_number() OVER (PARTITION BY store_id ORDER BY created_at, sold_at, id) AS number
  FROM sales
) n
WHERE n.id = s.id;
ALTER TABLE sales ALTER COLUMN number SET NOT NULL;
CREATE UNIQUE INDEX sales_store_number_key ON sales (store_id, number);
INSERT INTO sale_counters (store_id, last_number)
SELECT store_id, max(number) FROM sales GROUP BY store_id;

-- The dashboard takes voided sales out of its sums: there are few, found through this index.
CREATE INDEX sales_store_voided_idx ON sales (store_id, sold_at) WHERE status = 'voided';

CREATE TABLE sale_refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  sale_id uuid NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  restocked boolean NOT NULL,
  total numeric(14, 2) NOT NULL CHECK (total >= 0),
  item_count integer NOT NULL CHECK (item_count > 0),
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sale_refunds_sale_idx ON sale_refunds (sale_id);
CREATE INDEX sale_refunds_store_created_idx ON sale_refunds (store_id, created_at);

CREATE TABLE sale_refund_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  refund_id uuid NOT NULL REFERENCES sale_refunds (id) ON DELETE CASCADE,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  sale_item_id uuid NOT NULL REFERENCES sale_items (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id),
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
  line_total numeric(14, 2) NOT NULL,
  -- The refund's time, on each line (as sale_items keeps sold_at) for the dashboard's sums.
  refunded_at timestamptz NOT NULL,
  line_no integer NOT NULL
);
CREATE INDEX sale_refund_items_refund_idx ON sale_refund_items (refund_id);
CREATE INDEX sale_refund_items_sale_item_idx ON sale_refund_items (sale_item_id);
CREATE INDEX sale_refund_items_store_refunded_idx ON sale_refund_items (store_id, refunded_at);

-- A void puts the sale's stock back with its own reason. The new list only adds a value, so
-- every existing row already satisfies it: NOT VALID skips re-reading the whole ledger.
ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_reason_check;
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reason_check CHECK (reason IN ('sale',
  'purchase_receipt', 'adjustment', 'count', 'return', 'damaged', 'expired', 'spoiled', 'lost',
  'theft', 'import', 'initial', 'void')) NOT VALID;
