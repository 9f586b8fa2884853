-- Issue 22, transfers between locations: a transfer document moves stock from one store (the
-- source, `store_id`) to another store of the same people (`to_store_id`) through both stores'
-- ledgers: `transfer_out` movements in the source when it is sent, `transfer_in` movements in
-- the destination when it is received (and in the source again when a sent transfer is
-- cancelled). Lines name the source's products; the destination's product (same SKU) is
-- matched when the transfer is sent.
CREATE TABLE stock_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  to_store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'received', 'cancelled')),
  note text CHECK (length(note) BETWEEN 1 AND 500),
  receive_note text CHECK (length(receive_note) BETWEEN 1 AND 500),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_by uuid REFERENCES users (id) ON DELETE SET NULL,
  sent_at timestamptz,
  received_by uuid REFERENCES users (id) ON DELETE SET NULL,
  received_at timestamptz,
  cancelled_by uuid REFERENCES users (id) ON DELETE SET NULL,
  cancelled_at timestamptz,
  CHECK (store_id <> to_store_id)
);
CREATE INDEX stock_transfers_store_idx ON stock_transfers (store_id, created_at DESC, id);
CREATE INDEX stock_transfers_to_store_idx ON stock_transfers (to_store_id, created_at DESC, id);

CREATE TABLE stock_transfer_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  transfer_id uuid NOT NULL REFERENCES stock_transfers (id) ON DELETE CASCADE,
  -- The source store, as every tenant row carries its store.
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  -- The destination's product with the same SKU, set when the transfer is sent.
  to_product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  -- What the source called it when the line was written (both stores read the document).
  sku text NOT NULL,
  name text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  -- The unit cost the source's `transfer_out` movement recorded: what it comes in at.
  unit_cost numeric(12, 2) CHECK (unit_cost >= 0),
  received_quantity integer CHECK (received_quantity BETWEEN 0 AND quantity),
  UNIQUE (transfer_id, product_id)
);
CREATE INDEX stock_transfer_lines_transfer_idx ON stock_transfer_lines (transfer_id, line_no);

-- Two reasons more; the list only grows, so existing rows satisfy it (NOT VALID: no re-read).
ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_reason_check;
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reason_check CHECK (reason IN ('sale',
  'purchase_receipt', 'adjustment', 'count', 'return', 'damaged', 'expired', 'spoiled', 'lost',
  'theft', 'import', 'initial', 'void', 'transfer_out', 'transfer_in')) NOT VALID;
