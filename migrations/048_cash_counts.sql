-- Issue 22, cash-up: the cash counted in the drawer at the end of a store day, with what the
-- day's sales said it should hold then and the difference. Each count is kept (a recount
-- adds one); the cash-up shows the latest. `day` is the store's calendar date (its time zone).
CREATE TABLE cash_counts (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  day date NOT NULL,
  counted_cash numeric(14, 2) NOT NULL CHECK (counted_cash >= 0),
  expected_cash numeric(14, 2) NOT NULL,
  note text CHECK (length(note) BETWEEN 1 AND 500),
  counted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  counted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cash_counts_day ON cash_counts (store_id, day, counted_at);
