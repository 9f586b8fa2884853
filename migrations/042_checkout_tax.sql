-- Issue 22, checkout: a store's tax settings, and the tax each sale line carries.
--
-- A store's checkout settings: whether its prices include tax (VAT-style shelf prices) or tax
-- is added at the till (US-style), its default tax rate and the address its receipts show.
-- Tax rates are named, in basis points (2000 = 20%); a rate may be given to categories or to
-- products (a product's own rate wins over its category's, which wins over the default).
-- Sales keep what was charged (the rate's name and basis points on each line, and a breakdown
-- per rate on the sale): editing or deleting a rate never changes a sale made under it.
-- Sales made before this migration carry no tax (0, an empty breakdown) and read as before.

CREATE TABLE tax_rates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  rate_bps integer NOT NULL CHECK (rate_bps BETWEEN 0 AND 10000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store_id, id)
);
CREATE UNIQUE INDEX tax_rates_store_name_key ON tax_rates (store_id, lower(name));

CREATE TABLE checkout_settings (
  store_id uuid PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
  prices_include_tax boolean NOT NULL DEFAULT false,
  default_tax_rate_id uuid,
  address text CHECK (length(address) BETWEEN 1 AND 300),
  -- How much an employee may take off a sale (discounts, lower prices), in basis points of
  -- its list prices: 0, the default, lets employees give no discount at all.
  employee_discount_limit_bps integer NOT NULL DEFAULT 0
    CHECK (employee_discount_limit_bps BETWEEN 0 AND 10000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (store_id, default_tax_rate_id) REFERENCES tax_rates (store_id, id)
);

-- Which categories and products a rate applies to: one rate each at most.
CREATE TABLE tax_rate_targets (
  store_id uuid NOT NULL,
  tax_rate_id uuid NOT NULL,
  category_id uuid REFERENCES categories (id) ON DELETE CASCADE,
  product_id uuid REFERENCES products (id) ON DELETE CASCADE,
  FOREIGN KEY (store_id, tax_rate_id) REFERENCES tax_rates (store_id, id) ON DELETE CASCADE,
  CHECK ((category_id IS NULL) <> (product_id IS NULL))
);
CREATE INDEX tax_rate_targets_rate_idx ON tax_rate_targets (tax_rate_id);
CREATE UNIQUE INDEX tax_rate_targets_category_key ON tax_rate_targets (store_id, category_id)
  WHERE category_id IS NOT NULL;
CREATE UNIQUE INDEX tax_rate_targets_product_key ON tax_rate_targets (store_id, product_id)
  WHERE product_id IS NOT NULL;

-- Constant defaults: no table rewrite, existing sales read as untaxed.
ALTER TABLE sales
  ADD COLUMN prices_include_tax boolean,
  ADD COLUMN tax_total numeric(14, 2) NOT NULL DEFAULT 0,
  ADD COLUMN tax_breakdown jsonb NOT NULL DEFAULT '[]';
ALTER TABLE sale_items
  ADD COLUMN tax_name text,
  ADD COLUMN tax_rate_bps integer,
  ADD COLUMN tax_amount numeric(14, 2) NOT NULL DEFAULT 0;
