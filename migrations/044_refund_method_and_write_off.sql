-- Issue 22, checkout: how a refund was paid back (cash, card, other), and per line what
-- became of its units: `restock` (back in sellable stock), `write_off` (came back but cannot
-- be sold, a leaking bottle: a `return` then a `damaged` movement through the ledger, so it
-- shows as waste) or `none` (not brought back). Each refund line also keeps its share of the
-- sale line's tax. Refunds made before read with no method, each line as its whole refund
-- was (restocked or not brought back), and no tax.
ALTER TABLE sale_refunds
  ADD COLUMN method text CHECK (method IN ('cash', 'card', 'other'));
ALTER TABLE sale_refund_items
  ADD COLUMN disposition text CHECK (disposition IN ('restock', 'write_off', 'none')),
  ADD COLUMN tax_amount numeric(14, 2) NOT NULL DEFAULT 0;
