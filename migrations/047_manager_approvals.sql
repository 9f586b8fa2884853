-- Issue 22, manager approval on the till: an employee's void, refund, or discount or price
-- override beyond the store's limit needs a manager (or admin) of the store to approve it on
-- the same till, by signing in (e-mail + password) or with a personal approval PIN.
--
-- `approval_pins` (auth): a person's PIN, bcrypt-hashed like passwords, with its wrong tries:
-- five in a row lock it for 15 minutes.
CREATE TABLE approval_pins (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  pin_hash text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- `sale_approvals` (sales): one approval, given for one action (a void or refund of one sale,
-- or a discount on the sale being rung up) asked for by one person, used once within minutes.
-- Only the SHA-256 of its token is kept. Used, it names the sale (and the refund) it approved:
-- the record of who approved what, and when.
CREATE TABLE sale_approvals (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  action text NOT NULL CHECK (action IN ('void', 'refund', 'discount')),
  sale_id uuid REFERENCES sales (id) ON DELETE CASCADE,
  refund_id uuid REFERENCES sale_refunds (id) ON DELETE CASCADE,
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  method text NOT NULL CHECK (method IN ('pin', 'password')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK ((action = 'discount') OR sale_id IS NOT NULL)
);
CREATE INDEX sale_approvals_sale ON sale_approvals (store_id, sale_id) WHERE sale_id IS NOT NULL;
