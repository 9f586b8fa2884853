import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../test/db';
import { migrate, MIGRATIONS_DIR, readMigrations } from './migrate';

/**
 * Migration 026 (review of issue 16, finding 7): reorder-list reasons made before it named the
 * price of the supplier passed over for lead time ("Cheapo (1.80) needs 10 days"), which
 * employees read. It takes the price out of those words and leaves every other reason alone.
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

test('when lists made before are migrated, then their reasons lose the price of the supplier passed over, and nothing else changes', async () => {
  await migrateUpTo(25);
  const q = (sql: string, params: unknown[] = []) => db.pool.query(sql, params);
  const one = async (sql: string, params: unknown[] = []) => (await q(sql, params)).rows[0].id;
  const store = await one(`INSERT INTO stores (name) VALUES ('Old store') RETURNING id`);
  const list = await one(
    `INSERT INTO shopping_lists (store_id, name, criteria) VALUES ($1, 'Monday', '{}') RETURNING id`,
    [store],
  );
  const reasons = [
    '7 left, sells 3.5/day, supplier needs 2 days, Fresh chosen: runs out in about 2 days: Fresh delivers in 2 days, Cheapo (1.80) needs 10 days',
    'Out of stock, no sales in 30 days, Quick chosen: runs out within a day: Quick delivers in 1 day, Slow (an unknown cost) needs 12 days',
    '2 left, no sales in 30 days, reorder point 10 (12.50 each)',
  ];
  for (const [i, reason] of reasons.entries()) {
    const product = await one(
      `INSERT INTO products (store_id, sku, name, price) VALUES ($1, $2, $2, 5) RETURNING id`,
      [store, `P-${i}`],
    );
    await q(
      `INSERT INTO shopping_list_items (store_id, shopping_list_id, product_id, suggested_quantity,
         quantity, priority, reason)
       VALUES ($1, $2, $3, 1, 1, 'medium', $4)`,
      [store, list, product, reason],
    );
  }
  await migrate(db.pool);
  const { rows } = await q(
    `SELECT reason, passed_over_supplier_id, passed_over_unit_cost FROM shopping_list_items
     WHERE store_id = $1 ORDER BY reason`,
    [store],
  );
  expect(rows).toEqual([
    {
      reason: '2 left, no sales in 30 days, reorder point 10 (12.50 each)',
      passed_over_supplier_id: null,
      passed_over_unit_cost: null,
    },
    {
      reason:
        '7 left, sells 3.5/day, supplier needs 2 days, Fresh chosen: runs out in about 2 days: Fresh delivers in 2 days, Cheapo needs 10 days',
      passed_over_supplier_id: null,
      passed_over_unit_cost: null,
    },
    {
      reason:
        'Out of stock, no sales in 30 days, Quick chosen: runs out within a day: Quick delivers in 1 day, Slow needs 12 days',
      passed_over_supplier_id: null,
      passed_over_unit_cost: null,
    },
  ]);
});
