import { createTestDb, type TestDb } from '../test/db';
import { createStore, createUser } from '../test/factories';
import { ean13CheckDigit, isValidEan13, makeEan13 } from './ean';
import { generateDemoStore } from './generate';

const NOW = new Date('2026-03-18T15:30:00Z');
let db: TestDb;
let owner: { id: string };

beforeAll(async () => {
  db = await createTestDb();
  owner = await createUser(db.pool);
});
afterAll(() => db.drop());

async function generated(seed: number, products = 300, days = 60) {
  const store = await createStore(db.pool);
  const summary = await generateDemoStore(db.pool, {
    storeId: store.id,
    userId: owner.id,
    products,
    days,
    seed,
    now: NOW,
  });
  return { storeId: store.id, summary };
}

async function one<T>(sql: string, values: unknown[]): Promise<T> {
  const { rows } = await db.pool.query(sql, values);
  return rows[0] as T;
}

describe('EAN-13 check digits', () => {
  test('when given known barcodes, then the computed check digit matches', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('590123412345')).toBe(7);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13(makeEan13('50', 12345, 42))).toBe(true);
  });
});

describe('generateDemoStore', () => {
  let storeId: string;
  let summary: Awaited<ReturnType<typeof generateDemoStore>>;

  beforeAll(async () => {
    ({ storeId, summary } = await generated(7));
  });

  test('when a store is generated, then it has a realistic catalogue', async () => {
    expect(summary.products).toBe(300);
    expect(summary.categories).toBeGreaterThanOrEqual(10);
    expect(summary.suppliers).toBeGreaterThanOrEqual(8);
    const c = await one<Record<string, number>>(
      `SELECT count(*)::int AS products,
         count(DISTINCT sku)::int AS skus,
         count(DISTINCT category_id)::int AS categories,
         count(*) FILTER (WHERE cost >= price)::int AS cost_not_below_price,
         count(*) FILTER (WHERE expires_at < $2::date)::int AS expired,
         count(*) FILTER (WHERE expires_at BETWEEN $2::date AND $2::date + 30)::int AS expiring,
         count(*) FILTER (WHERE quantity = 0)::int AS out_of_stock,
         count(*) FILTER (WHERE quantity > 0 AND quantity <= reorder_point)::int AS low_stock,
         count(*) FILTER (WHERE location_aisle IS NOT NULL)::int AS located,
         count(*) FILTER (WHERE barcode IS NOT NULL)::int AS barcoded
       FROM products WHERE store_id = $1`,
      [storeId, NOW.toISOString().slice(0, 10)],
    );
    expect(c.products).toBe(300);
    expect(c.skus).toBe(300);
    expect(c.categories).toBeGreaterThanOrEqual(10);
    expect(c.cost_not_below_price).toBe(0);
    expect(c.expired).toBeGreaterThan(0);
    expect(c.expiring).toBeGreaterThan(c.expired!);
    expect(c.out_of_stock).toBeGreaterThan(0);
    expect(c.low_stock).toBeGreaterThan(0);
    expect(c.located).toBeGreaterThan(200);
    const { rows } = await db.pool.query<{ barcode: string }>(
      'SELECT barcode FROM products WHERE store_id = $1 AND barcode IS NOT NULL',
      [storeId],
    );
    expect(rows.length).toBeGreaterThan(250);
    expect(rows.filter((r) => !isValidEan13(r.barcode))).toEqual([]);
    expect(new Set(rows.map((r) => r.barcode)).size).toBe(rows.length);
  });

  test("when a store is generated, then its names' words are there for typo-tolerant search", async () => {
    const c = await one<{ words: number; missing: number }>(
      `SELECT (SELECT count(*)::int FROM product_words WHERE store_id = $1) AS words,
         (SELECT count(*)::int FROM products p, product_name_words(p.name) AS w
          WHERE p.store_id = $1 AND NOT EXISTS (
            SELECT 1 FROM product_words k WHERE k.store_id = $1 AND k.word = w)) AS missing`,
      [storeId],
    );
    expect(c.words).toBeGreaterThan(100);
    expect(c.missing).toBe(0);
  });

  test('when a store is generated, then each quantity is the sum of its movements and never went negative', async () => {
    const bad = await one<Record<string, number>>(
      `WITH m AS (
         SELECT product_id, quantity_after,
           sum(delta) OVER (PARTITION BY product_id ORDER BY created_at, id) AS running
         FROM stock_movements WHERE store_id = $1
       )
       SELECT
         (SELECT count(*)::int FROM m WHERE quantity_after <> running) AS wrong_after,
         (SELECT count(*)::int FROM m WHERE running < 0) AS negative,
         (SELECT count(*)::int FROM products p WHERE p.store_id = $1 AND p.quantity <>
            coalesce((SELECT sum(delta) FROM stock_movements s WHERE s.product_id = p.id), 0))
           AS wrong_quantity,
         (SELECT count(*)::int FROM stock_movements WHERE store_id = $1) AS movements`,
      [storeId],
    );
    expect(bad).toEqual({
      wrong_after: 0,
      negative: 0,
      wrong_quantity: 0,
      movements: summary.movements,
    });
  });

  test('when a store is generated, then every sale line has its sale movement and every sale adds up', async () => {
    const c = await one<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM sale_items WHERE store_id = $1) AS lines,
         (SELECT count(*)::int FROM sale_items i WHERE i.store_id = $1 AND NOT EXISTS (
            SELECT 1 FROM stock_movements m
            WHERE m.store_id = $1 AND m.reason = 'sale' AND m.reference_type = 'sale'
              AND m.reference_id = i.sale_id AND m.product_id = i.product_id
              AND m.delta = -i.quantity AND m.created_at = i.sold_at)) AS unmatched_lines,
         (SELECT count(*)::int FROM stock_movements WHERE store_id = $1 AND reason = 'sale')
           AS sale_movements,
         (SELECT count(*)::int FROM sales s
            LEFT JOIN (SELECT sale_id, sum(line_total) AS total, sum(quantity) AS units
                       FROM sale_items WHERE store_id = $1 GROUP BY sale_id) i ON i.sale_id = s.id
            WHERE s.store_id = $1 AND (i.sale_id IS NULL OR s.total <> i.total
              OR s.item_count <> i.units)) AS wrong_totals,
         (SELECT count(*)::int FROM sale_items i JOIN sales s ON s.id = i.sale_id
            WHERE i.store_id = $1 AND (i.sold_at <> s.sold_at OR i.line_total <> i.quantity * i.unit_price))
           AS wrong_lines,
         (SELECT count(*)::int FROM products p WHERE p.store_id = $1 AND p.last_sold_at IS DISTINCT FROM
            (SELECT max(sold_at) FROM sale_items i WHERE i.product_id = p.id)) AS wrong_last_sold`,
      [storeId],
    );
    expect(c.lines).toBe(summary.saleLines);
    expect(c.lines).toBeGreaterThan(5000);
    expect(c).toMatchObject({
      unmatched_lines: 0,
      sale_movements: c.lines,
      wrong_totals: 0,
      wrong_lines: 0,
      wrong_last_sold: 0,
    });
  });

  test('when a store is generated, then its deliveries are purchase orders in every state, received to the unit', async () => {
    const c = await one<Record<string, unknown>>(
      `SELECT
         (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n
            FROM purchase_orders WHERE store_id = $1 GROUP BY 1) s) AS statuses,
         -- every delivery belongs to a receipt of an order (the opening stock is initial stock)
         (SELECT count(*)::int FROM stock_movements m WHERE m.store_id = $1
            AND m.reason = 'purchase_receipt'
            AND NOT EXISTS (SELECT 1 FROM purchase_receipts r WHERE r.id = m.reference_id
              AND r.store_id = $1 AND r.purchase_order_id IS NOT NULL)) AS unlinked_receipts,
         -- each line's received quantity is what its order's receipts put into stock
         (SELECT count(*)::int FROM purchase_order_lines l WHERE l.store_id = $1
            AND l.received_quantity <> coalesce((SELECT sum(m.delta) FROM stock_movements m
              JOIN purchase_receipts r ON r.id = m.reference_id
              WHERE r.purchase_order_id = l.purchase_order_id AND m.product_id = l.product_id), 0))
           AS wrong_received,
         (SELECT count(*)::int FROM purchase_orders o WHERE o.store_id = $1 AND o.total <>
            (SELECT sum(quantity * unit_cost) FROM purchase_order_lines l
             WHERE l.purchase_order_id = o.id)) AS wrong_totals,
         (SELECT count(*)::int FROM purchase_orders o WHERE o.store_id = $1 AND o.status = 'completed'
            AND EXISTS (SELECT 1 FROM purchase_order_lines l WHERE l.purchase_order_id = o.id
              AND l.received_quantity < l.quantity)) AS completed_with_open_lines,
         (SELECT count(*)::int FROM purchase_orders o WHERE o.store_id = $1 AND o.status = 'completed'
            AND o.completed_at::date > o.expected_at) AS late,
         (SELECT count(*)::int FROM purchase_orders WHERE store_id = $1
            AND order_number !~ '^PO-20[0-9]{2}-[0-9]{6}$') AS bad_numbers,
         (SELECT max(last_number) FROM purchase_order_counters WHERE store_id = $1) AS counter,
         (SELECT count(*)::int FROM purchase_orders WHERE store_id = $1) AS orders,
         (SELECT count(*)::int FROM supplier_items WHERE store_id = $1) AS offers,
         (SELECT count(*)::int FROM invoices WHERE store_id = $1 AND reconciled_at IS NOT NULL) AS reconciled,
         (SELECT count(*)::int FROM invoices WHERE store_id = $1 AND status = 'pending'
            AND due_date < $2::date) AS overdue,
         (SELECT count(*)::int FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
            WHERE i.store_id = $1 AND i.reconciled_at IS NULL AND l.conflicts <> '[]') AS conflicts,
         (SELECT count(*)::int FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
            WHERE i.store_id = $1 AND i.reconciled_at IS NULL AND l.product_id IS NULL) AS unmatched`,
      [storeId, NOW.toISOString().slice(0, 10)],
    );
    expect(Object.keys(c.statuses as object).sort()).toEqual([
      'cancelled',
      'completed',
      'pending',
      'processing',
      'shipped',
    ]);
    expect(c).toMatchObject({
      unlinked_receipts: 0,
      wrong_received: 0,
      wrong_totals: 0,
      completed_with_open_lines: 0,
      bad_numbers: 0,
      counter: c.orders,
      reconciled: 3,
      overdue: 1,
      conflicts: 2,
      unmatched: 1,
    });
    expect(c.late).toBeGreaterThan(0);
    expect(c.offers).toBeGreaterThan(300);
  });

  test('when a store is generated, then it has receipts, waste, and nothing after now', async () => {
    const { rows } = await db.pool.query<{ reason: string; n: number }>(
      `SELECT reason, count(*)::int AS n FROM stock_movements WHERE store_id = $1 GROUP BY 1`,
      [storeId],
    );
    const by = Object.fromEntries(rows.map((r) => [r.reason, r.n]));
    expect(by.purchase_receipt).toBeGreaterThan(300);
    // The opening stock is each product's initial stock, not a receipt booked outside an order.
    expect(by.initial).toBeGreaterThan(100);
    for (const reason of ['damaged', 'expired', 'spoiled']) expect(by[reason]).toBeGreaterThan(0);
    const latest = await one<{ m: Date; s: Date }>(
      `SELECT (SELECT max(created_at) FROM stock_movements WHERE store_id = $1) AS m,
         (SELECT max(sold_at) FROM sales WHERE store_id = $1) AS s`,
      [storeId],
    );
    expect(latest.m.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(latest.s.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  test('when a store is generated, then every movement and sale line has its cost, and each delivery its receipt lines, the invoiced ones settled', async () => {
    const c = await one<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM stock_movements WHERE store_id = $1 AND unit_cost IS NULL) AS movements_without_cost,
         (SELECT count(*)::int FROM sale_items WHERE store_id = $1 AND unit_cost IS NULL) AS lines_without_cost,
         -- a receipt's lines hold what its movements put into stock
         (SELECT count(*)::int FROM stock_movements m WHERE m.store_id = $1
            AND m.reference_type = 'purchase_receipt' AND NOT EXISTS (
              SELECT 1 FROM purchase_receipt_lines rl WHERE rl.receipt_id = m.reference_id
                AND rl.product_id = m.product_id AND rl.quantity = m.delta)) AS receipts_without_lines,
         -- the reconciled invoices settle their deliveries, every unit once
         (SELECT count(*)::int FROM purchase_receipt_lines rl JOIN purchase_receipts r ON r.id = rl.receipt_id
            WHERE rl.store_id = $1 AND r.invoice_id IS NOT NULL AND rl.invoiced_quantity <> rl.quantity)
           AS invoiced_not_settled,
         (SELECT count(*)::int FROM invoice_line_receipts WHERE store_id = $1) AS links,
         -- recent deliveries wait for their invoice
         (SELECT count(*)::int FROM purchase_receipt_lines WHERE store_id = $1
            AND invoiced_quantity < quantity) AS awaiting_invoice`,
      [storeId],
    );
    expect(c).toMatchObject({
      movements_without_cost: 0,
      lines_without_cost: 0,
      receipts_without_lines: 0,
      invoiced_not_settled: 0,
    });
    expect(c.links).toBeGreaterThan(0);
    expect(c.awaiting_invoice).toBeGreaterThan(0);
  });

  test('when a store is generated, then at most one delivery per supplier, its last of the last two weeks, waits for its invoice (review of issue 16, finding 5)', async () => {
    const waiting = await db.pool.query<{ supplier: string; receipts: number; oldest: Date }>(
      `SELECT o.supplier_id AS supplier, count(DISTINCT r.id)::int AS receipts,
         min(r.received_at) AS oldest
       FROM purchase_receipt_lines rl
       JOIN purchase_receipts r ON r.id = rl.receipt_id
       JOIN purchase_orders o ON o.id = r.purchase_order_id
       WHERE rl.store_id = $1 AND rl.invoiced_quantity < rl.quantity
       GROUP BY 1`,
      [storeId],
    );
    expect(waiting.rows.length).toBeGreaterThan(0);
    const twoWeeksAgo = NOW.getTime() - 14 * 86_400_000;
    for (const w of waiting.rows) {
      expect(w.receipts).toBe(1);
      expect(w.oldest.getTime()).toBeGreaterThanOrEqual(twoWeeksAgo);
    }
    // Each is its supplier's last delivery.
    const notLast = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM purchase_receipt_lines rl
       JOIN purchase_receipts r ON r.id = rl.receipt_id
       JOIN purchase_orders o ON o.id = r.purchase_order_id
       WHERE rl.store_id = $1 AND rl.invoiced_quantity < rl.quantity AND EXISTS (
         SELECT 1 FROM purchase_receipts later
         JOIN purchase_orders lo ON lo.id = later.purchase_order_id
         WHERE lo.supplier_id = o.supplier_id AND later.received_at > r.received_at)`,
      [storeId],
    );
    expect(notLast.n).toBe(0);
  });

  test('when a store is generated, then weekends sell more units per day than weekdays', async () => {
    const r = await one<{ weekend: number; weekday: number }>(
      `SELECT avg(units) FILTER (WHERE dow IN (0, 6))::float8 AS weekend,
         avg(units) FILTER (WHERE dow NOT IN (0, 6))::float8 AS weekday
       FROM (SELECT date_trunc('day', sold_at AT TIME ZONE 'UTC') AS day,
               extract(dow FROM sold_at AT TIME ZONE 'UTC') AS dow, sum(quantity) AS units
             FROM sale_items WHERE store_id = $1 AND sold_at < $2::date GROUP BY 1, 2) d`,
      [storeId, NOW.toISOString().slice(0, 10)],
    );
    expect(r.weekend).toBeGreaterThan(r.weekday * 1.1);
  });

  test('when the same seed is used twice, then the stores have the same content; another seed differs', async () => {
    const fingerprint = (id: string) =>
      one<{ products: string; movements: string; sales: string }>(
        `SELECT
           (SELECT md5(string_agg(concat_ws('|', sku, barcode, name, price, cost, quantity,
              reorder_point, expires_at, last_sold_at, location_aisle), ',' ORDER BY sku))
            FROM products WHERE store_id = $1) AS products,
           (SELECT md5(string_agg(concat_ws('|', p.sku, m.created_at, m.delta, m.reason,
              m.quantity_after), ',' ORDER BY p.sku, m.created_at))
            FROM stock_movements m JOIN products p ON p.id = m.product_id
            WHERE m.store_id = $1) AS movements,
           (SELECT md5(string_agg(concat_ws('|', sold_at, total, item_count), ','
              ORDER BY sold_at, total)) FROM sales WHERE store_id = $1) AS sales`,
        [id],
      );
    const again = await generated(7);
    const other = await generated(8);
    const first = await fingerprint(storeId);
    expect(await fingerprint(again.storeId)).toEqual(first);
    const different = await fingerprint(other.storeId);
    expect(different.products).not.toBe(first.products);
    expect(different.movements).not.toBe(first.movements);
  });
});
