import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../test/db';
import { migrate, MIGRATIONS_DIR, readMigrations } from './migrate';

/**
 * Migration 021 backfills the cost in the ledger and the receipt lines of a store that used
 * Nimbus before: each receipt movement at its invoice's (else order's) cost, everything else at
 * the product's current cost; receipts made by an invoice as invoiced by it, recent door
 * receipts as waiting for an invoice, old ones as invoiced outside Nimbus.
 */
let db: TestDb;
beforeEach(async () => {
  db = await createTestDb({ migrated: false });
});
afterEach(() => db.drop());

async function migrateUpTo(version: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-mig-'));
  for (const m of await readMigrations())
    if (m.version <= version)
      await copyFile(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name));
  await migrate(db.pool, dir);
}

test('when a store with history is migrated, then its movements, sale lines and receipts get their costs and invoice state', async () => {
  await migrateUpTo(20);
  const q = (sql: string, params: unknown[] = []) => db.pool.query(sql, params);
  const one = async (sql: string, params: unknown[] = []) => (await q(sql, params)).rows[0].id;
  const store = await one(`INSERT INTO stores (name) VALUES ('Old store') RETURNING id`);
  const supplier = await one(
    `INSERT INTO suppliers (store_id, name) VALUES ($1, 'Dairy Co') RETURNING id`,
    [store],
  );
  const product = (sku: string, cost: number | null) =>
    one(
      `INSERT INTO products (store_id, sku, name, price, cost) VALUES ($1, $2, $2, 5, $3) RETURNING id`,
      [store, sku, cost],
    );
  const milk = await product('MILK', 1.2);
  const cream = await product('CREAM', 2.5);
  const order = await one(
    `INSERT INTO purchase_orders (store_id, supplier_id, order_number, status, completed_at)
     VALUES ($1, $2, 'PO-2026-000001', 'completed', now()) RETURNING id`,
    [store, supplier],
  );
  await q(
    `INSERT INTO purchase_order_lines (store_id, purchase_order_id, product_id, position, quantity, received_quantity, unit_cost)
     VALUES ($1, $2, $3, 0, 10, 10, 1.10), ($1, $2, $4, 1, 4, 4, 2.40)`,
    [store, order, milk, cream],
  );
  const invoice = await one(
    `INSERT INTO invoices (store_id, supplier_id, file_name, file_type, file_size, reconciled_at)
     VALUES ($1, $2, 'i.csv', 'csv', 1, now()) RETURNING id`,
    [store, supplier],
  );
  const invoiceLine = await one(
    `INSERT INTO invoice_lines (store_id, invoice_id, position, quantity, unit_cost, total, product_id, received_quantity)
     VALUES ($1, $2, 0, 6, 1.35, 8.1, $3, 6) RETURNING id`,
    [store, invoice, milk],
  );
  const receipt = (orderId: string | null, invoiceId: string | null, daysAgo: number) =>
    one(
      `INSERT INTO purchase_receipts (store_id, purchase_order_id, invoice_id, received_at)
       VALUES ($1, $2, $3, now() - make_interval(days => $4)) RETURNING id`,
      [store, orderId, invoiceId, daysAgo],
    );
  const recentDoor = await receipt(order, null, 3);
  const oldDoor = await receipt(order, null, 120);
  const byInvoice = await receipt(null, invoice, 2);
  const move = (
    productId: string,
    delta: number,
    reason: string,
    ref: string | null,
    after: number,
  ) =>
    q(
      `INSERT INTO stock_movements (store_id, product_id, delta, reason, reference_type, reference_id, quantity_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [store, productId, delta, reason, ref ? 'purchase_receipt' : null, ref, after],
    );
  await move(milk, 4, 'purchase_receipt', oldDoor, 4);
  await move(milk, 6, 'purchase_receipt', recentDoor, 10);
  await move(cream, 4, 'purchase_receipt', recentDoor, 4);
  await move(milk, 6, 'purchase_receipt', byInvoice, 16);
  await move(milk, -1, 'damaged', null, 15);
  const sale = await one(
    `INSERT INTO sales (store_id, total, item_count, number) VALUES ($1, 5, 1, 1) RETURNING id`,
    [store],
  );
  await q(
    `INSERT INTO sale_items (sale_id, store_id, product_id, quantity, unit_price, line_total, sold_at)
     VALUES ($1, $2, $3, 1, 5, 5, now())`,
    [sale, store, milk],
  );

  await migrate(db.pool);

  const costs = await q(
    `SELECT reason, reference_id, unit_cost FROM stock_movements WHERE store_id = $1 ORDER BY quantity_after, unit_cost`,
    [store],
  );
  expect(costs.rows).toEqual([
    { reason: 'purchase_receipt', reference_id: oldDoor, unit_cost: '1.10' }, // the order line's
    { reason: 'purchase_receipt', reference_id: recentDoor, unit_cost: '2.40' }, // cream: the order line's
    { reason: 'purchase_receipt', reference_id: recentDoor, unit_cost: '1.10' },
    { reason: 'damaged', reference_id: null, unit_cost: '1.20' }, // the product's current cost
    { reason: 'purchase_receipt', reference_id: byInvoice, unit_cost: '1.35' }, // the invoice line's
  ]);
  expect((await q('SELECT unit_cost FROM sale_items WHERE sale_id = $1', [sale])).rows).toEqual([
    { unit_cost: '1.20' },
  ]);
  const lines = await q(
    `SELECT receipt_id, product_id, quantity, unit_cost, invoiced_quantity FROM purchase_receipt_lines
     WHERE store_id = $1 ORDER BY quantity, unit_cost`,
    [store],
  );
  expect(lines.rows).toEqual([
    { receipt_id: oldDoor, product_id: milk, quantity: 4, unit_cost: '1.10', invoiced_quantity: 4 },
    {
      receipt_id: recentDoor,
      product_id: cream,
      quantity: 4,
      unit_cost: '2.40',
      invoiced_quantity: 0,
    },
    {
      receipt_id: recentDoor,
      product_id: milk,
      quantity: 6,
      unit_cost: '1.10',
      invoiced_quantity: 0,
    },
    {
      receipt_id: byInvoice,
      product_id: milk,
      quantity: 6,
      unit_cost: '1.35',
      invoiced_quantity: 6,
    },
  ]);
  const links = await q(
    `SELECT invoice_line_id, receipt_id, quantity, received_now FROM invoice_line_receipts WHERE store_id = $1`,
    [store],
  );
  expect(links.rows).toEqual([
    { invoice_line_id: invoiceLine, receipt_id: byInvoice, quantity: 6, received_now: true },
  ]);
  const decided = await q('SELECT action, matched_quantity FROM invoice_lines WHERE id = $1', [
    invoiceLine,
  ]);
  expect(decided.rows).toEqual([{ action: 'receive_now', matched_quantity: 0 }]);
});
