import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../test/db';
import { migrate, MIGRATIONS_DIR, readMigrations } from './migrate';

/**
 * Migration 025 keeps every shelf count (stock_counts): the counts a store made before it that
 * changed the stock are taken from the ledger's count movements; nothing else becomes a count,
 * and every movement already written reads as recorded when it is dated (recorded_at null).
 */
let db: TestDb;
beforeEach(async () => {
  db = await createTestDb({ migrated: false });
});
afterEach(() => db.drop());

test('when a store with counts is migrated, then its count movements become its counts, with what the books said', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-mig-'));
  for (const m of await readMigrations())
    if (m.version < 25) await copyFile(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name));
  await migrate(db.pool, dir);
  const q = (sql: string, params: unknown[] = []) => db.pool.query(sql, params);
  const one = async (sql: string, params: unknown[] = []) => (await q(sql, params)).rows[0].id;
  const store = await one(`INSERT INTO stores (name) VALUES ('Old store') RETURNING id`);
  const tea = await one(
    `INSERT INTO products (store_id, sku, name, price, cost) VALUES ($1, 'TEA', 'Tea', 5, 2) RETURNING id`,
    [store],
  );
  const move = (delta: number, reason: string, after: number, ref: string | null = null) =>
    one(
      `INSERT INTO stock_movements (store_id, product_id, delta, reason, reference_type, reference_id,
         quantity_after, unit_cost, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 2, now() - interval '1 day') RETURNING id`,
      [store, tea, delta, reason, ref && 'sale', ref, after],
    );
  await move(10, 'initial', 10);
  const counted = await move(-2, 'count', 8);
  await move(-1, 'damaged', 7);

  await migrate(db.pool);

  const counts = await q(
    `SELECT product_id, counted_quantity, books_quantity, unit_cost, movement_id FROM stock_counts
     WHERE store_id = $1`,
    [store],
  );
  expect(counts.rows).toEqual([
    {
      product_id: tea,
      counted_quantity: 8,
      books_quantity: 10,
      unit_cost: '2.00',
      movement_id: counted,
    },
  ]);
  const recorded = await q(
    'SELECT count(*)::int AS n FROM stock_movements WHERE store_id = $1 AND recorded_at IS NULL',
    [store],
  );
  expect(recorded.rows[0].n).toBe(3);
});
