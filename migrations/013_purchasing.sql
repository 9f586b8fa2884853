-- Purchasing: purchase orders and their receipts, supplier invoices with line matching, and
-- shopping (reorder) lists. Stock still changes only through the ledger: a receipt is a set of
-- `purchase_receipt` movements whose reference is the receipt row below.
--
-- All tables are new and empty, so plain CREATE INDEX is fine here.

-- What a supplier offers for a product, as far as Nimbus has seen it: the last cost it was
-- ordered or invoiced at, the supplier's own code, and the smallest quantity they sell.
-- Kept by purchase orders and reconciled invoices; read by shopping-list optimisation.
CREATE TABLE supplier_items (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  supplier_id uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  supplier_sku text CHECK (length(supplier_sku) BETWEEN 1 AND 64),
  last_cost numeric(12, 2) CHECK (last_cost >= 0),
  last_cost_at timestamptz,
  last_ordered_at timestamptz,
  min_order_quantity integer NOT NULL DEFAULT 1 CHECK (min_order_quantity BETWEEN 1 AND 1000000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (supplier_id, product_id)
);
CREATE INDEX supplier_items_store_product_idx ON supplier_items (store_id, product_id);

-- Order numbers PO-YYYY-NNNNNN: the next number of a store's year is taken in its own short
-- statement before the order's transaction, so concurrent orders never wait on each other; an
-- order that then fails leaves a gap, which is allowed.
CREATE TABLE purchase_order_counters (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
  last_number integer NOT NULL CHECK (last_number BETWEEN 1 AND 999999),
  PRIMARY KEY (store_id, year)
);

CREATE TABLE shopping_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ordered', 'archived')),
  -- The criteria it was generated from, as the request gave them (after validation).
  criteria jsonb NOT NULL DEFAULT '{}',
  optimized_at timestamptz,
  ordered_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shopping_lists_store_created_idx ON shopping_lists (store_id, created_at DESC, id DESC);

CREATE TABLE purchase_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  -- An order keeps its supplier: a supplier with orders cannot be deleted (deactivate it).
  supplier_id uuid NOT NULL REFERENCES suppliers (id),
  order_number text NOT NULL CHECK (order_number ~ '^PO-[0-9]{4}-[0-9]{6}$'),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'processing', 'shipped', 'completed', 'cancelled')),
  expected_at date,
  notes text CHECK (length(notes) <= 2000),
  -- Sum of quantity × unit cost over the lines, kept by the service with the lines.
  total numeric(14, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
  ordered_at timestamptz NOT NULL DEFAULT now(),
  processing_at timestamptz,
  shipped_at timestamptz,
  -- When the last open quantity was received (the order became completed).
  completed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 500),
  shopping_list_id uuid REFERENCES shopping_lists (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT purchase_orders_store_number_key UNIQUE (store_id, order_number),
  CONSTRAINT purchase_orders_completed_check CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  CONSTRAINT purchase_orders_cancelled_check CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX purchase_orders_store_created_idx ON purchase_orders (store_id, created_at DESC, id DESC);
CREATE INDEX purchase_orders_store_status_idx ON purchase_orders (store_id, status, created_at DESC, id DESC);
CREATE INDEX purchase_orders_store_supplier_idx ON purchase_orders (store_id, supplier_id, created_at DESC, id DESC);

CREATE TABLE purchase_order_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  purchase_order_id uuid NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
  -- NO ACTION: a product that was ordered cannot be deleted (deactivate it), as with sales.
  product_id uuid NOT NULL REFERENCES products (id),
  position integer NOT NULL CHECK (position >= 0),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  received_quantity integer NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
  -- Some suppliers ship a little over; a line that allows it may receive more than ordered.
  allow_over_receipt boolean NOT NULL DEFAULT false,
  unit_cost numeric(12, 2) NOT NULL CHECK (unit_cost >= 0),
  CONSTRAINT purchase_order_lines_product_key UNIQUE (purchase_order_id, product_id),
  CONSTRAINT purchase_order_lines_over_receipt_check
    CHECK (allow_over_receipt OR received_quantity <= quantity)
);
CREATE INDEX purchase_order_lines_store_product_idx ON purchase_order_lines (store_id, product_id);

CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  supplier_id uuid REFERENCES suppliers (id) ON DELETE SET NULL,
  -- The open order the invoice was matched to (by supplier and lines), if any.
  purchase_order_id uuid REFERENCES purchase_orders (id) ON DELETE SET NULL,
  invoice_number text CHECK (length(invoice_number) BETWEEN 1 AND 64),
  invoice_date date,
  due_date date,
  subtotal numeric(14, 2),
  tax numeric(14, 2),
  total numeric(14, 2),
  -- `overdue` is not stored: it is a pending invoice whose due date has passed.
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid')),
  paid_at timestamptz,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_type text NOT NULL CHECK (file_type IN ('csv', 'xlsx', 'pdf')),
  file_size integer NOT NULL CHECK (file_size >= 0),
  -- Where the original file is kept (the upload storage's key), if it was kept.
  file_key text,
  -- What extraction noticed about the file as a whole (skipped rows, guessed columns).
  warnings jsonb NOT NULL DEFAULT '[]',
  reconciled_at timestamptz,
  reconciled_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT invoices_paid_check CHECK ((status = 'paid') = (paid_at IS NOT NULL))
);
-- One supplier's invoice number once per store: uploading the same invoice twice is a 409.
CREATE UNIQUE INDEX invoices_store_supplier_number_key ON invoices (store_id, supplier_id, invoice_number)
  WHERE supplier_id IS NOT NULL AND invoice_number IS NOT NULL;
CREATE INDEX invoices_store_created_idx ON invoices (store_id, created_at DESC, id DESC);
CREATE INDEX invoices_store_supplier_idx ON invoices (store_id, supplier_id, created_at DESC, id DESC);
CREATE INDEX invoices_store_due_idx ON invoices (store_id, due_date) WHERE status = 'pending';

CREATE TABLE invoice_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  -- As read from the file.
  description text CHECK (length(description) <= 500),
  quantity integer CHECK (quantity BETWEEN 0 AND 1000000),
  unit_cost numeric(12, 2) CHECK (unit_cost >= 0),
  total numeric(14, 2),
  upc text CHECK (length(upc) <= 48),
  sku text CHECK (length(sku) <= 64),
  -- The match: how and how sure, up to 3 suggestions [{ productId, name, sku, confidence }],
  -- and conflicts [{ kind: 'price' | 'quantity', expected, actual, message }].
  product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  match_method text CHECK (match_method IN ('barcode', 'sku', 'name', 'manual', 'created')),
  confidence numeric(4, 3) CHECK (confidence BETWEEN 0 AND 1),
  suggestions jsonb NOT NULL DEFAULT '[]',
  conflicts jsonb NOT NULL DEFAULT '[]',
  -- Reconciliation: what was received for this line (0 or null when it was skipped).
  received_quantity integer CHECK (received_quantity >= 0),
  CONSTRAINT invoice_lines_position_key UNIQUE (invoice_id, position)
);
CREATE INDEX invoice_lines_store_product_idx ON invoice_lines (store_id, product_id) WHERE product_id IS NOT NULL;

-- A delivery taken into stock: against an order, from a reconciled invoice, or both. Its
-- ledger movements have reference_type 'purchase_receipt' and reference_id = this row.
CREATE TABLE purchase_receipts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  purchase_order_id uuid REFERENCES purchase_orders (id) ON DELETE CASCADE,
  invoice_id uuid REFERENCES invoices (id) ON DELETE SET NULL,
  note text CHECK (length(note) <= 500),
  received_by uuid REFERENCES users (id) ON DELETE SET NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchase_receipts_order_idx ON purchase_receipts (purchase_order_id, received_at)
  WHERE purchase_order_id IS NOT NULL;
CREATE INDEX purchase_receipts_store_idx ON purchase_receipts (store_id, received_at DESC);

CREATE TABLE shopping_list_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  shopping_list_id uuid NOT NULL REFERENCES shopping_lists (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  supplier_id uuid REFERENCES suppliers (id) ON DELETE SET NULL,
  suggested_quantity integer NOT NULL CHECK (suggested_quantity >= 0),
  quantity integer NOT NULL CHECK (quantity BETWEEN 0 AND 1000000),
  priority text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  estimated_unit_cost numeric(12, 2) CHECK (estimated_unit_cost >= 0),
  purchased boolean NOT NULL DEFAULT false,
  actual_cost numeric(14, 2) CHECK (actual_cost >= 0),
  purchase_order_id uuid REFERENCES purchase_orders (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT shopping_list_items_product_key UNIQUE (shopping_list_id, product_id)
);
