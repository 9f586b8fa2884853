-- Issue 16: the cost in the ledger, and invoices matched three ways (ordered, received, invoiced).
--
-- New columns are nullable without a default (instant on a big table); the backfill UPDATEs
-- below rewrite stock_movements and sale_items once. The new tables start empty but for the
-- backfill, so their indexes are built plainly.

-- Cost in the ledger: the unit cost in force when a movement was written (a receipt: its
-- received cost; anything else: the product's cost then), and a sale line's cost of goods.
ALTER TABLE stock_movements ADD COLUMN unit_cost numeric(12, 2) CHECK (unit_cost >= 0);
ALTER TABLE sale_items ADD COLUMN unit_cost numeric(12, 2) CHECK (unit_cost >= 0);

-- What each receipt brought in, per product (purchasing's; the movements are the ledger's), and
-- how much of it an invoice has settled: never more than came in.
CREATE TABLE purchase_receipt_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  receipt_id uuid NOT NULL REFERENCES purchase_receipts (id) ON DELETE CASCADE,
  purchase_order_line_id uuid REFERENCES purchase_order_lines (id) ON DELETE SET NULL,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_cost numeric(12, 2) CHECK (unit_cost >= 0),
  invoiced_quantity integer NOT NULL DEFAULT 0,
  CONSTRAINT purchase_receipt_lines_product_key UNIQUE (receipt_id, product_id),
  CONSTRAINT purchase_receipt_lines_invoiced_check CHECK (invoiced_quantity BETWEEN 0 AND quantity)
);
-- The receipts an invoice can still settle: few, however long the history.
CREATE INDEX purchase_receipt_lines_uninvoiced_idx ON purchase_receipt_lines (store_id, product_id)
  WHERE invoiced_quantity < quantity;

-- A reconciled line: the choice made, the order it settles, what it matched to earlier receipts,
-- whether its price became the product's cost, and the review as it was decided (ordered,
-- received, invoiced, variances), so the invoice reads later as it was reconciled.
ALTER TABLE invoice_lines
  ADD COLUMN action text CHECK (action IN ('already_received', 'receive_now', 'skip')),
  ADD COLUMN purchase_order_id uuid REFERENCES purchase_orders (id) ON DELETE SET NULL,
  ADD COLUMN matched_quantity integer CHECK (matched_quantity >= 0),
  ADD COLUMN cost_accepted boolean NOT NULL DEFAULT false,
  ADD COLUMN three_way jsonb;

-- Which receipt lines an invoice line settles, and how many units of each. The receipt, its
-- order and when it came in are as purchasing told them at reconciliation (an order's number
-- never changes), so the invoice shows what it settles without reading purchasing's tables.
CREATE TABLE invoice_line_receipts (
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  invoice_line_id uuid NOT NULL REFERENCES invoice_lines (id) ON DELETE CASCADE,
  receipt_line_id uuid NOT NULL REFERENCES purchase_receipt_lines (id) ON DELETE CASCADE,
  receipt_id uuid NOT NULL REFERENCES purchase_receipts (id) ON DELETE CASCADE,
  purchase_order_id uuid REFERENCES purchase_orders (id) ON DELETE SET NULL,
  order_number text,
  received_at timestamptz NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  -- Received by this reconciliation ("receive now") rather than before it ("already received").
  received_now boolean NOT NULL,
  PRIMARY KEY (invoice_line_id, receipt_line_id)
);
CREATE INDEX invoice_line_receipts_invoice_idx ON invoice_line_receipts (invoice_id);
CREATE INDEX invoice_line_receipts_receipt_idx ON invoice_line_receipts (receipt_line_id);

-- Paying an invoice that was not reconciled, or whose lines do not add up to its total, is
-- confirmed by a person: what they confirmed, who, when.
ALTER TABLE invoices
  ADD COLUMN paid_confirmed_reasons text[],
  ADD COLUMN paid_confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  ADD COLUMN paid_confirmed_at timestamptz;

-- Backfill. A receipt's movement: the cost of the invoice line that received it (the last line of
-- that product), else of its order line, else the product's current cost. Every other movement
-- and every sale line: the product's current cost (the cost history before now is not known).
UPDATE stock_movements m SET unit_cost = coalesce(
    (SELECT il.unit_cost FROM purchase_receipts r
       JOIN invoice_lines il ON il.invoice_id = r.invoice_id AND il.product_id = m.product_id
     WHERE r.id = m.reference_id ORDER BY il.position DESC LIMIT 1),
    (SELECT ol.unit_cost FROM purchase_receipts r
       JOIN purchase_order_lines ol ON ol.purchase_order_id = r.purchase_order_id
         AND ol.product_id = m.product_id
     WHERE r.id = m.reference_id),
    p.cost)
FROM products p
WHERE p.id = m.product_id AND m.reference_type = 'purchase_receipt';

UPDATE stock_movements m SET unit_cost = p.cost
FROM products p
WHERE p.id = m.product_id AND m.reference_type IS DISTINCT FROM 'purchase_receipt'
  AND p.cost IS NOT NULL;

UPDATE sale_items si SET unit_cost = p.cost
FROM products p
WHERE p.id = si.product_id AND p.cost IS NOT NULL;

-- Receipt lines from the receipts' movements. A receipt made by reconciling an invoice was
-- invoiced by it. A receipt at the door of the last 90 days waits for its invoice; an older one
-- is taken as invoiced outside Nimbus: leaving years of deliveries open would make every later
-- invoice of the supplier ask which of them it means.
INSERT INTO purchase_receipt_lines (store_id, receipt_id, purchase_order_line_id, product_id,
  quantity, unit_cost, invoiced_quantity)
SELECT r.store_id, r.id, ol.id, m.product_id, sum(m.delta)::int, max(m.unit_cost),
  CASE WHEN r.invoice_id IS NOT NULL OR r.received_at < now() - interval '90 days'
    THEN sum(m.delta)::int ELSE 0 END
FROM purchase_receipts r
JOIN stock_movements m ON m.store_id = r.store_id AND m.reference_type = 'purchase_receipt'
  AND m.reference_id = r.id
LEFT JOIN purchase_order_lines ol ON ol.purchase_order_id = r.purchase_order_id
  AND ol.product_id = m.product_id
GROUP BY r.store_id, r.id, ol.id, m.product_id, r.invoice_id, r.received_at
HAVING sum(m.delta) > 0;

-- Those invoices' links to the receipts they made, on the last line of each product.
INSERT INTO invoice_line_receipts (store_id, invoice_id, invoice_line_id, receipt_line_id,
  receipt_id, purchase_order_id, order_number, received_at, quantity, received_now)
SELECT rl.store_id, r.invoice_id, il.id, rl.id, r.id, r.purchase_order_id, o.order_number,
  r.received_at, rl.quantity, true
FROM purchase_receipt_lines rl
JOIN purchase_receipts r ON r.id = rl.receipt_id
LEFT JOIN purchase_orders o ON o.id = r.purchase_order_id
JOIN LATERAL (
  SELECT l.id FROM invoice_lines l
  WHERE l.invoice_id = r.invoice_id AND l.product_id = rl.product_id
  ORDER BY l.position DESC LIMIT 1
) il ON true
WHERE r.invoice_id IS NOT NULL;

-- Invoices reconciled before: every line either received (then) or skipped.
UPDATE invoice_lines l
SET action = CASE WHEN l.product_id IS NOT NULL AND coalesce(l.received_quantity, 0) > 0
    THEN 'receive_now' ELSE 'skip' END,
  matched_quantity = 0
FROM invoices i
WHERE i.id = l.invoice_id AND i.reconciled_at IS NOT NULL;
