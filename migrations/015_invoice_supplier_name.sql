-- The supplier's name as the invoice file gives it. An invoice whose supplier is not (yet) in
-- the store's list still shows who sent it, and the review can offer to pick the supplier.
ALTER TABLE invoices ADD COLUMN supplier_name text CHECK (length(supplier_name) BETWEEN 1 AND 200);
