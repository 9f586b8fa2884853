// Purchasing history for a generated store, from the deliveries history-sql.ts simulated.
//
// Each delivery of a supplier (one day, the products due that day) is a purchase order placed
// the supplier's lead time before, received in one receipt that the delivery's movements
// already reference (pg_temp.demo_receipt_id); some came a day later than promised (each
// supplier has its own lateness). Each active supplier's next delivery is shipped and not yet
// received. On top: pending and processing orders, a cancelled order, what each supplier
// offers (supplier_items, with some cheaper alternatives), and invoices: reconciled ones for
// recent orders (one paid, one overdue) and one waiting for review with conflicts.
//
// Parameters: $1 store id, $2 user id, $3 id salt, $4 first day, $5 now; each statement is
// given the ones it uses (see `bindUsed`).

/** Orders and their lines, in temporary tables. */
export const CREATE_ORDERS: string[] = [
  `
CREATE TEMP TABLE demo_po ON COMMIT DROP AS
WITH deliveries AS (
  SELECT supplier_id, day, max(ts) AS delivered_at
  FROM demo_receipts WHERE k > 0 AND qty > 0
  GROUP BY supplier_id, day
), timed AS (
  SELECT d.*, coalesce(s.lead_time_days, 2) AS lead, hashtext(d.supplier_id::text) AS sh,
    $4::timestamptz + make_interval(days => d.day) AS due
  FROM deliveries d JOIN suppliers s ON s.id = d.supplier_id AND s.store_id = $1
)
SELECT pg_temp.demo_uuid(due - make_interval(days => lead + 1), day, sh, $3::bigint + 60) AS id,
  supplier_id, day, 'completed'::text AS status,
  due - make_interval(days => lead + 1) + interval '10 hours' AS ordered_at,
  due - make_interval(days => lead + 1) + interval '14 hours' AS processing_at,
  due - interval '12 hours' AS shipped_at,
  delivered_at AS completed_at,
  NULL::timestamptz AS cancelled_at, NULL::text AS cancel_reason,
  -- Each supplier is late on its own share of orders (4% to 34%): it had promised the
  -- delivery a day earlier than it came.
  CASE WHEN pg_temp.demo_rnd(sh, day, $3::bigint + 61) < 0.04 + 0.3 * pg_temp.demo_rnd(sh, 0, $3::bigint + 62)
    THEN (due - interval '1 day')::date ELSE due::date END AS expected_at,
  NULL::text AS notes
FROM timed`,
  `
CREATE TEMP TABLE demo_po_lines ON COMMIT DROP AS
SELECT o.id AS order_id, r.product_id, r.n, r.qty AS quantity, r.qty AS received, p.cost AS unit_cost
FROM demo_receipts r
JOIN demo_po o ON o.supplier_id = r.supplier_id AND o.day = r.day
JOIN demo_p p ON p.n = r.n
WHERE r.k > 0 AND r.qty > 0`,
  `ANALYZE demo_po, demo_po_lines`,
  `
-- Each active supplier's next delivery is on its way: shipped, nothing received yet.
INSERT INTO demo_po
SELECT pg_temp.demo_uuid($5::timestamptz, n.day, hashtext(n.supplier_id::text), $3::bigint + 65),
  n.supplier_id, n.day, 'shipped',
  least($4::timestamptz + make_interval(days => n.day - n.lead - 1) + interval '10 hours',
    $5::timestamptz - interval '3 hours'),
  least($4::timestamptz + make_interval(days => n.day - n.lead - 1) + interval '14 hours',
    $5::timestamptz - interval '2 hours'),
  $5::timestamptz - interval '1 hour', NULL, NULL, NULL,
  ($4::timestamptz + make_interval(days => n.day))::date, NULL
FROM (
  SELECT p.supplier_id, min(p.off + p.k_last * p.every) AS day,
    min(coalesce(s.lead_time_days, 2)) AS lead
  FROM demo_p p JOIN suppliers s ON s.id = p.supplier_id AND s.store_id = $1 AND s.status = 'active'
  WHERE p.active
  GROUP BY 1
) n`,
  `
INSERT INTO demo_po_lines
SELECT o.id, p.id, p.n, greatest(p.reorder_quantity, p.pack), 0, p.cost
FROM demo_po o
JOIN demo_p p ON p.supplier_id = o.supplier_id AND p.active AND p.off + p.k_last * p.every = o.day
WHERE o.status = 'shipped'`,
  `
-- The next cycle of every other active supplier is pending or already with them, and one
-- supplier had an order cancelled last month.
CREATE TEMP TABLE demo_po_open ON COMMIT DROP AS
SELECT s.id AS supplier_id, s.i,
  CASE s.i % 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'processing' ELSE 'cancelled' END AS status,
  pg_temp.demo_uuid($5::timestamptz, s.i, 0, $3::bigint + 63) AS id,
  coalesce(s.lead_time_days, 2) AS lead
FROM (
  SELECT id, lead_time_days, (row_number() OVER (ORDER BY name, id))::int - 1 AS i
  FROM suppliers WHERE store_id = $1 AND status = 'active'
) s
WHERE s.i % 3 < 2 OR s.i = 2`,
  `
INSERT INTO demo_po
SELECT id, supplier_id, -1, status,
  CASE status WHEN 'cancelled' THEN $5::timestamptz - interval '40 days'
    WHEN 'processing' THEN $5::timestamptz - interval '1 day' - interval '3 hours'
    ELSE $5::timestamptz - interval '3 hours' END,
  CASE status WHEN 'processing' THEN $5::timestamptz - interval '1 day' END,
  NULL, NULL,
  CASE status WHEN 'cancelled' THEN $5::timestamptz - interval '38 days' END,
  CASE status WHEN 'cancelled' THEN 'The supplier could not deliver in time, so it was ordered elsewhere.' END,
  CASE status WHEN 'cancelled' THEN ($5::timestamptz - interval '35 days')::date
    ELSE ($5::timestamptz + make_interval(days => lead + 1))::date END,
  CASE status WHEN 'pending' THEN 'Check the new case sizes before sending.' END
FROM demo_po_open`,
  `
INSERT INTO demo_po_lines
SELECT o.id, x.id, x.n, greatest(x.reorder_quantity, x.pack), 0, x.cost
FROM demo_po_open o
CROSS JOIN LATERAL (
  SELECT p.id, p.n, p.reorder_quantity, p.pack, p.cost
  FROM demo_p p WHERE p.supplier_id = o.supplier_id AND p.active
  ORDER BY pg_temp.demo_rnd(p.n, o.i, $3::bigint + 64)
  LIMIT 8
) x`,
];

/** The orders, their lines and receipts, the order counters, and what suppliers offer. */
export const INSERT_ORDERS: string[] = [
  `
INSERT INTO purchase_orders (id, store_id, supplier_id, order_number, status, expected_at, notes,
  total, ordered_at, processing_at, shipped_at, completed_at, cancelled_at, cancel_reason,
  created_by, created_at, updated_at)
SELECT o.id, $1, o.supplier_id,
  'PO-' || extract(year FROM o.ordered_at)::int || '-' || lpad((row_number() OVER (
    PARTITION BY extract(year FROM o.ordered_at) ORDER BY o.ordered_at, o.id))::text, 6, '0'),
  o.status, o.expected_at, o.notes, t.total, o.ordered_at, o.processing_at, o.shipped_at,
  o.completed_at, o.cancelled_at, o.cancel_reason, $2, o.ordered_at,
  coalesce(o.completed_at, o.cancelled_at, o.shipped_at, o.processing_at, o.ordered_at)
FROM demo_po o
JOIN (SELECT order_id, sum(quantity * unit_cost) AS total FROM demo_po_lines GROUP BY 1) t
  ON t.order_id = o.id
ORDER BY o.ordered_at, o.id`,
  `
INSERT INTO purchase_order_lines (store_id, purchase_order_id, product_id, position, quantity,
  received_quantity, unit_cost)
SELECT $1, order_id, product_id, (row_number() OVER (PARTITION BY order_id ORDER BY n))::int - 1,
  quantity, received, unit_cost
FROM demo_po_lines`,
  `
INSERT INTO purchase_receipts (id, store_id, purchase_order_id, received_by, received_at)
SELECT pg_temp.demo_receipt_id(min(r.ts), r.day, r.supplier_id, $3::bigint), $1, o.id, $2, min(r.ts)
FROM demo_receipts r
JOIN demo_po o ON o.supplier_id = r.supplier_id AND o.day = r.day
WHERE r.k > 0 AND r.qty > 0
GROUP BY r.supplier_id, r.day, o.id`,
  `
INSERT INTO purchase_order_counters (store_id, year, last_number)
SELECT $1, extract(year FROM ordered_at)::int, count(*)
FROM purchase_orders WHERE store_id = $1
GROUP BY 2`,
  `
-- Every product from its own supplier at its cost, and some also from a second supplier, a
-- little cheaper or dearer, in bigger minimum quantities (what optimising a list weighs).
INSERT INTO supplier_items (store_id, supplier_id, product_id, last_cost, last_cost_at,
  last_ordered_at, min_order_quantity)
SELECT $1, p.supplier_id, p.id, p.cost, lo.last_ordered_at, lo.last_ordered_at, p.pack
FROM demo_p p
LEFT JOIN (
  SELECT l.product_id, max(o.ordered_at) AS last_ordered_at
  FROM demo_po_lines l JOIN demo_po o ON o.id = l.order_id
  WHERE o.status <> 'cancelled' GROUP BY 1
) lo ON lo.product_id = p.id
WHERE p.supplier_id IS NOT NULL`,
  `
INSERT INTO supplier_items (store_id, supplier_id, product_id, last_cost, last_cost_at,
  min_order_quantity)
SELECT $1, alt.id, p.id, round(p.cost * (0.86 + 0.2 * pg_temp.demo_rnd(p.n, 2, $3::bigint + 71))::numeric, 2),
  $5::timestamptz - interval '20 days', p.pack * 2
FROM demo_p p
CROSS JOIN LATERAL (
  SELECT s.id FROM suppliers s
  WHERE s.store_id = $1 AND s.status = 'active' AND s.id IS DISTINCT FROM p.supplier_id
  ORDER BY pg_temp.demo_rnd(p.n, hashtext(s.id::text), $3::bigint + 72)
  LIMIT 1
) alt
WHERE p.active AND pg_temp.demo_rnd(p.n, 1, $3::bigint + 70) < 0.15`,
];

/**
 * Invoices: the two most recent completed orders and two older ones (one ~60 days back,
 * paid; one ~40 days back, unpaid and so overdue) were invoiced and reconciled (matched to
 * the deliveries received at the door: "already received"); the running
 * cycle's open lines of one supplier came with an invoice that waits for review: one line
 * costs 12% more than last time, one is a unit short of the order, one matches nothing.
 */
export const INSERT_INVOICES: string[] = [
  `
CREATE TEMP TABLE demo_inv ON COMMIT DROP AS
SELECT o.id AS order_id, o.supplier_id, o.completed_at, x.pick,
  pg_temp.demo_uuid(o.completed_at, x.pick, 0, $3::bigint + 80) AS id,
  coalesce(nullif(substring(s.payment_terms FROM '[0-9]+'), '')::int, 30) AS terms
FROM (
  SELECT id, 1 AS pick FROM (SELECT id FROM demo_po WHERE status = 'completed'
    ORDER BY completed_at DESC, id LIMIT 2) a
  UNION ALL
  SELECT id, 2 FROM (SELECT id FROM demo_po WHERE status = 'completed'
    AND completed_at < $5::timestamptz - interval '40 days' ORDER BY completed_at DESC, id LIMIT 1) b
  UNION ALL
  SELECT id, 3 FROM (SELECT id FROM demo_po WHERE status = 'completed'
    AND completed_at < $5::timestamptz - interval '60 days' ORDER BY completed_at DESC, id LIMIT 1) c
) x
JOIN demo_po o ON o.id = x.id
JOIN suppliers s ON s.id = o.supplier_id`,
  `
INSERT INTO invoices (id, store_id, supplier_id, purchase_order_id, invoice_number, invoice_date,
  due_date, subtotal, tax, total, status, paid_at, file_name, file_type, file_size,
  reconciled_at, reconciled_by, created_by, created_at, updated_at)
SELECT i.id, $1, i.supplier_id, i.order_id,
  'INV-' || to_char(i.completed_at, 'YYMMDD') || '-' || lpad((abs(hashtext(i.id::text)) % 1000)::text, 3, '0'),
  i.completed_at::date, i.completed_at::date + i.terms, o.total, 0, o.total,
  CASE WHEN i.pick = 3 THEN 'paid' ELSE 'pending' END,
  CASE WHEN i.pick = 3 THEN i.completed_at + interval '5 days' END,
  'invoice-' || to_char(i.completed_at, 'YYYY-MM-DD') || '.csv', 'csv', 180 + 64 * o.lines,
  i.completed_at + interval '1 hour', $2, $2, i.completed_at + interval '30 minutes',
  i.completed_at + interval '1 hour'
FROM demo_inv i
JOIN (SELECT purchase_order_id, sum(quantity * unit_cost) AS total, count(*)::int AS lines
  FROM purchase_order_lines WHERE store_id = $1 GROUP BY 1) o ON o.purchase_order_id = i.order_id`,
  `
INSERT INTO invoice_lines (store_id, invoice_id, position, description, quantity, unit_cost, total,
  upc, sku, product_id, match_method, confidence, received_quantity)
SELECT $1, i.id, l.position, p.name, l.quantity, l.unit_cost, l.quantity * l.unit_cost,
  p.barcode, p.sku, p.id, CASE WHEN p.barcode IS NULL THEN 'sku' ELSE 'barcode' END, 1, 0
FROM demo_inv i
JOIN purchase_order_lines l ON l.purchase_order_id = i.order_id AND l.store_id = $1
JOIN products p ON p.id = l.product_id`,
  `
UPDATE purchase_receipts r SET invoice_id = i.id
FROM demo_inv i WHERE r.store_id = $1 AND r.purchase_order_id = i.order_id`,
  `
CREATE TEMP TABLE demo_review ON COMMIT DROP AS
SELECT o.id AS order_id, o.supplier_id, o.order_number,
  pg_temp.demo_uuid($5::timestamptz, 4, 0, $3::bigint + 80) AS id
FROM purchase_orders o
WHERE o.store_id = $1 AND o.status = 'shipped'
  AND (SELECT count(*) FROM purchase_order_lines l
       WHERE l.purchase_order_id = o.id AND l.received_quantity = 0 AND l.quantity > 1) >= 2
ORDER BY (SELECT count(*) FROM purchase_order_lines l WHERE l.purchase_order_id = o.id) DESC, o.id
LIMIT 1`,
  `
CREATE TEMP TABLE demo_review_lines ON COMMIT DROP AS
SELECT r.id AS invoice_id, r.order_number, l.position, p.id AS product_id, p.name, p.barcode,
  p.sku, l.quantity AS expected_quantity, l.unit_cost AS expected_cost,
  CASE WHEN l.position = f.second THEN l.quantity - 1 ELSE l.quantity END AS quantity,
  CASE WHEN l.position = f.first THEN round(l.unit_cost * 1.12, 2) ELSE l.unit_cost END AS unit_cost,
  l.position = f.first AS price_conflict, l.position = f.second AS quantity_conflict
FROM demo_review r
JOIN purchase_order_lines l ON l.purchase_order_id = r.order_id AND l.received_quantity = 0
JOIN products p ON p.id = l.product_id
CROSS JOIN LATERAL (
  SELECT (array_agg(position ORDER BY position))[1] AS first,
    (array_agg(position ORDER BY position))[2] AS second
  FROM purchase_order_lines
  WHERE purchase_order_id = r.order_id AND received_quantity = 0 AND quantity > 1
) f`,
  `
INSERT INTO invoices (id, store_id, supplier_id, purchase_order_id, invoice_number, invoice_date,
  due_date, subtotal, tax, total, status, file_name, file_type, file_size, warnings, created_by,
  created_at, updated_at)
SELECT r.id, $1, r.supplier_id, r.order_id, 'INV-' || to_char($5::timestamptz, 'YYMMDD') || '-REV',
  $5::date, $5::date + 14, t.total, 0, t.total, 'pending', 'invoice-to-review.csv', 'csv',
  180 + 64 * t.lines, '[]', $2, $5::timestamptz - interval '1 hour', $5::timestamptz - interval '1 hour'
FROM demo_review r
JOIN (SELECT invoice_id, sum(quantity * unit_cost) + 12.5 AS total, count(*)::int + 1 AS lines
  FROM demo_review_lines GROUP BY 1) t ON t.invoice_id = r.id`,
  `
INSERT INTO invoice_lines (store_id, invoice_id, position, description, quantity, unit_cost, total,
  upc, sku, product_id, match_method, confidence, conflicts)
SELECT $1, invoice_id, (row_number() OVER (PARTITION BY invoice_id ORDER BY position))::int - 1,
  name, quantity, unit_cost, quantity * unit_cost, barcode, sku, product_id,
  CASE WHEN barcode IS NULL THEN 'sku' ELSE 'barcode' END, 1,
  CASE
    WHEN price_conflict THEN jsonb_build_array(jsonb_build_object('kind', 'price',
      'expected', expected_cost, 'actual', unit_cost,
      'message', 'Unit cost ' || unit_cost || ' is 12% above the last cost ' || expected_cost))
    WHEN quantity_conflict THEN jsonb_build_array(jsonb_build_object('kind', 'quantity',
      'expected', expected_quantity, 'actual', quantity,
      'message', 'Invoiced ' || quantity || ' but ' || expected_quantity || ' are open on ' || order_number))
    ELSE '[]'::jsonb
  END
FROM demo_review_lines`,
  `
INSERT INTO invoice_lines (store_id, invoice_id, position, description, quantity, unit_cost, total)
SELECT $1, r.id, (SELECT count(*) FROM demo_review_lines), 'Seasonal display stand (loan)', 1, 12.5, 12.5
FROM demo_review r`,
];

/**
 * What each delivery brought in (purchasing's receipt lines, from the receipts' movements) and
 * how much of it is invoiced: the deliveries of the invoiced orders, and every other delivery
 * but each supplier's last one of the last two weeks (invoiced and paid outside Nimbus). So at
 * most one delivery per supplier waits for its invoice, as in a store that keeps up with its
 * invoices, and an invoice's review asks about that delivery, not about months of old ones
 * (migration 021's 90-day rule is for stores that upgrade, whose history is not known). The
 * reconciled invoices' lines are linked to the receipts they settle.
 */
export const INSERT_RECEIPT_LINES: string[] = [
  `
CREATE TEMP TABLE demo_last_delivery ON COMMIT DROP AS
SELECT DISTINCT ON (o.supplier_id) r.id
FROM purchase_receipts r JOIN purchase_orders o ON o.id = r.purchase_order_id AND o.store_id = $1
WHERE r.store_id = $1
ORDER BY o.supplier_id, r.received_at DESC, r.id`,
  `ANALYZE demo_last_delivery`,
  `
INSERT INTO purchase_receipt_lines (store_id, receipt_id, purchase_order_line_id, product_id,
  quantity, unit_cost, invoiced_quantity)
SELECT r.store_id, r.id, ol.id, m.product_id, sum(m.delta)::int, max(m.unit_cost),
  CASE WHEN r.invoice_id IS NOT NULL OR r.received_at < $5::timestamptz - interval '14 days'
      OR r.id NOT IN (SELECT id FROM demo_last_delivery)
    THEN sum(m.delta)::int ELSE 0 END
FROM purchase_receipts r
JOIN stock_movements m ON m.store_id = r.store_id AND m.reference_type = 'purchase_receipt'
  AND m.reference_id = r.id
LEFT JOIN purchase_order_lines ol ON ol.purchase_order_id = r.purchase_order_id
  AND ol.product_id = m.product_id
WHERE r.store_id = $1
GROUP BY r.store_id, r.id, ol.id, m.product_id, r.invoice_id, r.received_at
HAVING sum(m.delta) > 0`,
  `
INSERT INTO invoice_line_receipts (store_id, invoice_id, invoice_line_id, receipt_line_id,
  receipt_id, purchase_order_id, order_number, received_at, quantity, received_now)
SELECT $1, r.invoice_id, il.id, rl.id, r.id, r.purchase_order_id, o.order_number, r.received_at,
  rl.quantity, false
FROM purchase_receipt_lines rl
JOIN purchase_receipts r ON r.id = rl.receipt_id
JOIN purchase_orders o ON o.id = r.purchase_order_id
JOIN invoice_lines il ON il.invoice_id = r.invoice_id AND il.product_id = rl.product_id
WHERE rl.store_id = $1 AND r.invoice_id IS NOT NULL`,
  `
UPDATE invoice_lines l SET action = 'already_received', purchase_order_id = i.purchase_order_id,
  matched_quantity = l.quantity
FROM invoices i
WHERE i.id = l.invoice_id AND i.store_id = $1 AND i.reconciled_at IS NOT NULL`,
];

/**
 * The statement with only the parameters it uses, renumbered: PostgreSQL wants every bound
 * parameter used and typed, and these statements share one list.
 */
export function bindUsed(text: string, values: unknown[]): [string, unknown[]] {
  const used = [...new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort(
    (a, b) => a - b,
  );
  const renumbered = text.replace(/\$(\d+)/g, (_, n: string) => `$${used.indexOf(Number(n)) + 1}`);
  return [renumbered, used.map((n) => values[n - 1])];
}
