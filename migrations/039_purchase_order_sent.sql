-- When a purchase order was last e-mailed to its supplier, and to which address: shown on the
-- order so a buyer sees it went out (and again after an edit). Null until it is first sent.
ALTER TABLE purchase_orders ADD COLUMN sent_at timestamptz, ADD COLUMN sent_to text;
