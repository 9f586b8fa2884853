// Set-based SQL that simulates a store's history into temporary tables and then copies it
// into the real ones. Randomness comes from hashint8extended(b, hashint8extended(a, salt)), so every
// value is a pure function of the seed and the row's keys: the result does not depend on the plan.
//
// Stock can never go negative: products are delivered on a fixed cycle, and each delivery
// brings the cumulative receipts up to the cumulative sales and waste of its cycle plus a
// safety stock, rounded up to whole cases. Within a cycle stock only falls, and it ends the
// cycle at or above the safety stock.

export const CREATE_FUNCTIONS = [
  `CREATE OR REPLACE FUNCTION pg_temp.demo_rnd(a bigint, b bigint, salt bigint) RETURNS float8
     LANGUAGE sql IMMUTABLE
     AS $$ SELECT (hashint8extended(b, hashint8extended(a, salt)) & 4503599627370495)::float8
       / 4503599627370496.0 $$`,
  // A UUIDv7 (time-ordered, so the primary keys fill up from the right) with a hashed tail.
  `CREATE OR REPLACE FUNCTION pg_temp.demo_uuid(ts timestamptz, a bigint, b bigint, salt bigint)
     RETURNS uuid LANGUAGE sql STABLE
     AS $$ SELECT (lpad(to_hex((date_part('epoch', ts) * 1000)::bigint), 12, '0') || '7'
       || lpad(to_hex(hashint8extended(b, hashint8extended(a, salt)) & 4095), 3, '0') || '8'
       || lpad(to_hex(hashint8extended(b, hashint8extended(a, salt + 1)) & 1152921504606846975),
         15, '0'))::uuid $$`,
  // A delivery of one supplier on one day is one receipt (purchasing-sql.ts makes the rows).
  `CREATE OR REPLACE FUNCTION pg_temp.demo_receipt_id(ts timestamptz, day int, supplier uuid, salt bigint)
     RETURNS uuid LANGUAGE sql STABLE
     AS $$ SELECT pg_temp.demo_uuid(date_trunc('day', ts), day, hashtext(supplier::text), salt + 50) $$`,
];

/** Product plan rows: $1 store id salt, then one array per column. */
export const CREATE_PLAN = `
CREATE TEMP TABLE demo_p ON COMMIT DROP AS
SELECT u.*,
  pg_temp.demo_uuid(u.created_at, u.n, 0, $1::bigint) AS id
FROM unnest(
  $2::int[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
  $10::text[], $11::text[], $12::int[], $13::numeric[], $14::numeric[], $15::int[], $16::int[],
  $17::text[], $18::text[], $19::text[], $20::date[], $21::boolean[], $22::timestamptz[],
  $23::int[], $24::float8[], $25::float8[], $26::float8[], $27::int[], $28::int[], $29::int[],
  $30::int[], $31::int[], $32::int[], $33::int[], $34::int[], $35::text[], $36::text[]
) AS u(n, category_id, supplier_id, sku, barcode, name, description, brand, department, unit,
  pack_size, price, cost, reorder_point, reorder_quantity, location_aisle, location_row,
  location_bin, expires_at, active, created_at, candidates, fmax, upl, trend, stop_day, pack,
  safety, final, every, off, k_last, waste_count, waste_reason, supplier_name)`;

/**
 * Sale lines: $1 salt, $2 days, $3 first day (timestamptz), $4 now, $5 day factors,
 * $6 baskets per day, $7 id salt. Each product draws candidate days and keeps each with a
 * probability that follows the weekday and the product's trend; a kept line joins one of
 * that day's baskets, whose time is a function of (day, basket). Two draws of one product
 * in one basket become one line, so no product has two movements at the same instant.
 * A product is on promotion (20% off) on about one day in twenty.
 */
export const CREATE_LINES = `
CREATE TEMP TABLE demo_lines ON COMMIT DROP AS
WITH cand AS (
  SELECT p.n, p.id AS product_id, p.price, p.upl, p.trend, p.stop_day, p.fmax,
    j, floor(pg_temp.demo_rnd(p.n, j, $1::bigint + 1) * $2)::int AS d
  FROM demo_p p, generate_series(1, p.candidates) j
), kept AS (
  SELECT c.*, floor(pg_temp.demo_rnd(c.n, c.j, $1::bigint + 3) * ($6::int[])[c.d + 1])::int AS k
  FROM cand c
  WHERE (c.stop_day IS NULL OR c.d <= c.stop_day)
    AND pg_temp.demo_rnd(c.n, c.j, $1::bigint + 2) * c.fmax
      < ($5::float8[])[c.d + 1] * (1 + c.trend * (c.d::float8 / greatest($2 - 1, 1) - 0.5))
), timed AS (
  SELECT kept.*,
    $3::timestamptz + make_interval(days => d) + interval '8 hours'
      + interval '13 hours' * (0.5 + asin(2 * (k + pg_temp.demo_rnd(d, k, $1::bigint + 4))
        / ($6::int[])[d + 1] - 1) / pi()) AS sold_at,
    least(24, 1 + floor(-ln(1 - pg_temp.demo_rnd(n, j, $1::bigint + 5)) * (upl - 1)))::int AS q,
    CASE WHEN pg_temp.demo_rnd(n, d, $1::bigint + 6) < 0.05 THEN round(price * 0.8, 2) ELSE price END
      AS unit_price
  FROM kept
), merged AS (
  SELECT n, d, k, min(j) AS j, product_id, sold_at, unit_price, sum(q)::int AS q
  FROM timed
  WHERE sold_at <= $4
  GROUP BY n, d, k, product_id, sold_at, unit_price
)
SELECT n, j, product_id, sold_at, q, unit_price, q * unit_price AS line_total,
  pg_temp.demo_uuid(sold_at, d, k, $7::bigint) AS sale_id
FROM merged`;

/** Waste events: $1 salt, $2 days, $3 first day, $4 now. */
export const CREATE_WASTE = `
CREATE TEMP TABLE demo_waste ON COMMIT DROP AS
SELECT * FROM (
  SELECT p.n, w, p.id AS product_id, p.waste_reason AS reason,
    $3::timestamptz
      + make_interval(days => floor(pg_temp.demo_rnd(p.n, w, $1::bigint + 7) * $2)::int)
      + interval '7 hours' + interval '15 hours' * pg_temp.demo_rnd(p.n, w, $1::bigint + 8)
      AS ts,
    1 + floor(pg_temp.demo_rnd(p.n, w, $1::bigint + 9) * 3)::int AS q
  FROM demo_p p, generate_series(1, p.waste_count) w
) x
WHERE ts <= $4`;

/**
 * Deliveries: $1 salt, $2 first day. Cycle 0 is the opening stock the day before; cycle
 * k >= 1 starts at 06:00 on day off + (k - 1) * every. Decrements belong to the last cycle
 * that started before them.
 */
export const CREATE_RECEIPTS = `
CREATE TEMP TABLE demo_receipts ON COMMIT DROP AS
WITH dec AS (
  SELECT e.n, least(p.k_last, CASE WHEN e.t < p.off + 0.25 THEN 0
      ELSE 1 + floor((e.t - 0.25 - p.off) / p.every)::int END) AS k, sum(e.q) AS qty
  FROM (
    SELECT n, q, date_part('epoch', sold_at - $2::timestamptz) / 86400 AS t FROM demo_lines
    UNION ALL
    SELECT n, q, date_part('epoch', ts - $2::timestamptz) / 86400 FROM demo_waste
  ) e
  JOIN demo_p p USING (n)
  GROUP BY 1, 2
), cycles AS (
  SELECT p.n, p.id AS product_id, p.k_last, p.safety, p.final, p.pack, p.off, p.every,
    p.supplier_name, p.supplier_id, k.k,
    sum(coalesce(dec.qty, 0)) OVER (PARTITION BY p.n ORDER BY k.k) AS used
  FROM demo_p p
  CROSS JOIN LATERAL generate_series(0, p.k_last) AS k(k)
  LEFT JOIN dec ON dec.n = p.n AND dec.k = k.k
), covered AS (
  SELECT cycles.*,
    CASE WHEN k < k_last THEN ceil((used + safety) / pack) * pack END AS cover
  FROM cycles
), received AS (
  SELECT covered.*,
    coalesce(cover, greatest(coalesce(lag(cover) OVER w, 0), used + final)) AS total
  FROM covered
  WINDOW w AS (PARTITION BY n ORDER BY k)
)
SELECT n, product_id, k, supplier_name, supplier_id, every, off + (k - 1) * every AS day,
  (total - coalesce(lag(total) OVER (PARTITION BY n ORDER BY k), 0))::int AS qty,
  CASE WHEN k = 0 THEN $2::timestamptz - interval '18 hours'
    ELSE $2::timestamptz + make_interval(days => off + (k - 1) * every) + interval '6 hours' END
    + interval '30 minutes' * pg_temp.demo_rnd(n, k, $1::bigint + 10) AS ts
FROM received`;

/** Every movement with its running quantity: $1 id salt. */
export const CREATE_MOVEMENTS = `
CREATE TEMP TABLE demo_mov ON COMMIT DROP AS
SELECT m.*, sum(delta) OVER (PARTITION BY n ORDER BY created_at, id) AS quantity_after
FROM (
  SELECT pg_temp.demo_uuid(sold_at, n, j, $1::bigint + 20) AS id, n, product_id, -q AS delta,
    'sale' AS reason, 'sale' AS reference_type, sale_id AS reference_id, NULL::text AS note,
    sold_at AS created_at
  FROM demo_lines
  UNION ALL
  SELECT pg_temp.demo_uuid(ts, n, w, $1::bigint + 30), n, product_id, -q, reason, NULL, NULL,
    CASE reason WHEN 'spoiled' THEN 'Spoiled on the shelf' WHEN 'expired' THEN 'Past its date'
      ELSE 'Damaged in store' END,
    ts
  FROM demo_waste
  UNION ALL
  SELECT pg_temp.demo_uuid(ts, n, k, $1::bigint + 40), n, product_id, qty,
    -- The opening stock is the product's initial stock: every purchase_receipt is a receipt of
    -- an order, as in the app (a delivery is never booked by hand).
    CASE WHEN k > 0 THEN 'purchase_receipt' ELSE 'initial' END,
    CASE WHEN k > 0 THEN 'purchase_receipt' END,
    CASE WHEN k > 0 THEN pg_temp.demo_receipt_id(ts, day, supplier_id, $1::bigint) END,
    CASE WHEN k = 0 THEN 'Opening stock' ELSE 'Delivery from ' || supplier_name END, ts
  FROM demo_receipts
  WHERE qty > 0
) m`;

/** $1 store id. */
export const INSERT_PRODUCTS = `
INSERT INTO products (id, store_id, sku, barcode, name, description, category_id, supplier_id,
  brand, department, unit, pack_size, price, cost, reorder_point, reorder_quantity,
  location_aisle, location_row, location_bin, expires_at, active, quantity, last_sold_at,
  created_at, updated_at)
SELECT p.id, $1, p.sku, p.barcode, p.name, p.description, p.category_id, p.supplier_id,
  nullif(p.brand, ''), p.department, p.unit, p.pack_size, p.price, p.cost, p.reorder_point,
  p.reorder_quantity, p.location_aisle, p.location_row, p.location_bin, p.expires_at, p.active,
  coalesce(s.quantity, 0), s.last_sold_at, p.created_at, p.created_at
FROM demo_p p
LEFT JOIN (
  SELECT n, sum(delta)::int AS quantity,
    max(created_at) FILTER (WHERE reason = 'sale') AS last_sold_at
  FROM demo_mov GROUP BY n
) s USING (n)
ORDER BY p.n`;

/**
 * $1 store id: the words of the names, which the products trigger writes when triggers run
 * (the generator may turn them off: skipForeignKeyChecks). Typo-tolerant search reads them.
 */
export const INSERT_PRODUCT_WORDS = `
INSERT INTO product_words (store_id, word)
SELECT DISTINCT $1::uuid, w FROM demo_p p, product_name_words(p.name) AS w
ON CONFLICT DO NOTHING`;

/** $1 store id, $2 user id. */
export const INSERT_SALES = `
INSERT INTO sales (id, store_id, user_id, sold_at, total, item_count, created_at, number)
SELECT sale_id, $1, $2, min(sold_at), sum(line_total), sum(q), min(sold_at),
  row_number() OVER (ORDER BY min(sold_at), sale_id)
FROM demo_lines
GROUP BY sale_id
ORDER BY sale_id`;

/** $1 store id: the store's next sale number follows the generated ones. */
export const SET_SALE_COUNTER = `
INSERT INTO sale_counters (store_id, last_number)
SELECT $1, max(number) FROM sales WHERE store_id = $1 HAVING count(*) > 0
ON CONFLICT (store_id) DO UPDATE SET last_number = EXCLUDED.last_number`;

/** $1 store id, $2 id salt. A product's cost does not change in the demo: each line costs it. */
export const INSERT_SALE_ITEMS = `
INSERT INTO sale_items (id, sale_id, store_id, product_id, quantity, unit_price, line_total, sold_at,
  unit_cost)
SELECT pg_temp.demo_uuid(l.sold_at, l.n, l.j, $2::bigint), l.sale_id, $1, l.product_id, l.q,
  l.unit_price, l.line_total, l.sold_at, p.cost
FROM demo_lines l JOIN demo_p p ON p.n = l.n
ORDER BY l.sold_at, l.n, l.j`;

/** $1 store id, $2 user id. Every movement at the product's cost (receipts: their order's, the same). */
export const INSERT_MOVEMENTS = `
INSERT INTO stock_movements (id, store_id, product_id, delta, reason, reference_type,
  reference_id, note, user_id, quantity_after, created_at, unit_cost)
SELECT m.id, $1, m.product_id, m.delta, m.reason, m.reference_type, m.reference_id, m.note, $2,
  m.quantity_after, m.created_at, p.cost
FROM demo_mov m JOIN demo_p p ON p.n = m.n
ORDER BY m.created_at, m.id`;
