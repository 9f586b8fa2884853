-- Issue 22, checkout: what a sale was paid with, its discounts and price overrides, and an
-- optional customer.
--
-- Payments (cash, card, other; several when split) are kept on the sale as it was paid, with
-- the change given back: written by the sale's own INSERT, read with it, never changed after.
-- A line keeps the product's list price when it was sold, its discount (its own and its share
-- of the sale's) and why its price was overridden. Constant defaults and nullable columns: no
-- table rewrite; a sale made before reads with no payments, no discount and no customer, and
-- a null subtotal or list price reads as its total or unit price.
ALTER TABLE sales
  ADD COLUMN subtotal numeric(14, 2),
  ADD COLUMN discount_total numeric(14, 2) NOT NULL DEFAULT 0,
  ADD COLUMN discount_reason text CHECK (length(discount_reason) BETWEEN 1 AND 200),
  ADD COLUMN payments jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN change_given numeric(14, 2) NOT NULL DEFAULT 0,
  ADD COLUMN customer_name text CHECK (length(customer_name) BETWEEN 1 AND 100),
  ADD COLUMN customer_email text CHECK (length(customer_email) BETWEEN 3 AND 254);
ALTER TABLE sale_items
  ADD COLUMN list_price numeric(12, 2),
  ADD COLUMN discount numeric(14, 2) NOT NULL DEFAULT 0,
  ADD COLUMN override_reason text CHECK (length(override_reason) BETWEEN 1 AND 200);
