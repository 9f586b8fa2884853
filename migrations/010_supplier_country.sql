-- A supplier's address gets its country: an ISO 3166-1 alpha-2 code (`DE`, `US`), so a
-- purchase order or an integrator can tell Springfield, US from Springfield, AU. Optional, like
-- the rest of the address; the API checks the code against the ISO list, the table its shape.
-- New and NULL for every existing row: no rewrite, and the check has nothing to scan but NULLs.
ALTER TABLE suppliers ADD COLUMN country text CHECK (country ~ '^[A-Z]{2}$');
