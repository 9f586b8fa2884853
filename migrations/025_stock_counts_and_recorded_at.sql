-- Review of issue 16 (findings 1 and 10): a shelf count is kept whatever it found, so a sale
-- rung up before it and sent after it (a till that kept it offline) is known to be reflected by
-- it; and a movement written later than it is dated says when it was written.

-- When a movement was written, where that is not when it is dated (created_at): a sale sent
-- late, dated when it was rung up, and the count correction that goes with it, dated at the
-- count it corrects. Null: written when dated. quantity_after is the stock right after the
-- movement was written, so for these rows it is the stock at recorded_at, not a running
-- balance at created_at. Nullable without a default: instant on a big table.
ALTER TABLE stock_movements ADD COLUMN recorded_at timestamptz;

-- Every shelf count (inventory's): what was counted, what the books said, the unit cost in
-- force, and the movement it wrote (none when the count matched the books). movement_id is a
-- plain reference like stock_movements.reference_id: a foreign key would make every delete of
-- movements (a product's, by cascade) look this table up.
CREATE TABLE stock_counts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  counted_quantity integer NOT NULL CHECK (counted_quantity >= 0),
  books_quantity integer NOT NULL CHECK (books_quantity >= 0),
  unit_cost numeric(12, 2) CHECK (unit_cost >= 0),
  movement_id uuid,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  counted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_counts_product_idx ON stock_counts (store_id, product_id, counted_at);

-- The counts made before this that changed the stock are in the ledger; the ones that matched
-- the books were not recorded anywhere and stay unknown.
INSERT INTO stock_counts (store_id, product_id, counted_quantity, books_quantity, unit_cost,
  movement_id, user_id, counted_at)
SELECT store_id, product_id, quantity_after, quantity_after - delta, unit_cost, id, user_id,
  created_at
FROM stock_movements
WHERE reason = 'count' AND reference_type IS NULL;
