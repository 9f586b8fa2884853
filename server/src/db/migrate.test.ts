import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../test/db';
import { migrate, MIGRATIONS_DIR, readMigrations } from './migrate';
import { createPool } from './pool';

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb({ migrated: false });
});
afterEach(() => db.drop());

test('when several replicas migrate at once, then each migration is applied exactly once', async () => {
  const pools = [1, 2, 3].map(() => createPool(db.url, 2));
  try {
    const results = await Promise.all(pools.map((p) => migrate(p)));
    const all = await readMigrations();
    expect(results.flat().sort()).toEqual(all.map((m) => m.name).sort());
    const { rows } = await db.pool.query(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.checksum)).toEqual(all.map((m) => m.checksum));
    expect(await migrate(db.pool)).toEqual([]);
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
});

test('when an applied migration file was edited, then migrate refuses to start', async () => {
  await migrate(db.pool);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-mig-'));
  for (const m of await readMigrations(MIGRATIONS_DIR)) {
    await writeFile(path.join(dir, m.name), m.version === 1 ? `${m.sql}\n-- edited` : m.sql);
  }
  await expect(migrate(db.pool, dir)).rejects.toThrow(/001_platform.sql was changed/);
});

test('when a migration fails, then it is rolled back and not recorded', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-mig-'));
  await writeFile(path.join(dir, '001_ok.sql'), 'CREATE TABLE a (id int);');
  await writeFile(
    path.join(dir, '002_bad.sql'),
    'CREATE TABLE b (id int); SELECT no_such_function();',
  );
  await expect(migrate(db.pool, dir)).rejects.toThrow(/002_bad.sql failed/);
  const { rows } = await db.pool.query("SELECT to_regclass('a') AS a, to_regclass('b') AS b");
  expect(rows[0]).toEqual({ a: 'a', b: null });
  const applied = await db.pool.query('SELECT name FROM schema_migrations');
  expect(applied.rows.map((r) => r.name)).toEqual(['001_ok.sql']);
});

describe('migrations outside a transaction', () => {
  const CONCURRENT = [
    '-- migrate:no-transaction lock_timeout=300ms',
    'DROP INDEX CONCURRENTLY IF EXISTS items_name_idx;',
    "CREATE INDEX CONCURRENTLY items_name_idx ON items (name) WHERE name <> ';';",
  ].join('\n');
  const dirWith = async (files: Record<string, string>) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-mig-'));
    for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql);
    return dir;
  };
  const indexValid = async () =>
    (
      await db.pool.query(
        `SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE c.relname = 'items_name_idx'`,
      )
    ).rows[0]?.indisvalid as boolean | undefined;

  test('when a migration opts out of the transaction, then CREATE INDEX CONCURRENTLY builds a valid index and it is recorded once', async () => {
    const dir = await dirWith({
      '001_items.sql': 'CREATE TABLE items (id int, name text);',
      '002_items_name.sql': CONCURRENT,
    });
    expect(await migrate(db.pool, dir)).toEqual(['001_items.sql', '002_items_name.sql']);
    expect(await indexValid()).toBe(true);
    expect(await migrate(db.pool, dir)).toEqual([]);
    // Inside the usual transaction the same statement is refused by PostgreSQL.
    const inTx = await dirWith({
      '001_items.sql': 'CREATE TABLE items (id int, name text);',
      '002_items_name.sql': CONCURRENT,
      '003_again.sql': 'CREATE INDEX CONCURRENTLY items_id_idx ON items (id);',
    });
    await expect(migrate(db.pool, inTx)).rejects.toThrow(/cannot run inside a transaction block/);
  });

  test('when a long transaction holds the table, then the migration gives up at its lock_timeout, is not recorded, and applies on the next start', async () => {
    const table = { '001_items.sql': 'CREATE TABLE items (id int, name text);' };
    await migrate(db.pool, await dirWith(table));
    const dir = await dirWith({ ...table, '002_items_name.sql': CONCURRENT });

    const holder = await db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE items IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      await expect(migrate(db.pool, dir)).rejects.toThrow(
        /002_items_name.sql failed at statement 2 of 2: .*lock was not granted within 300ms/,
      );
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    const recorded = await db.pool.query('SELECT name FROM schema_migrations ORDER BY name');
    expect(recorded.rows.map((r) => r.name)).toEqual(['001_items.sql']);
    expect(await migrate(db.pool, dir)).toEqual(['002_items_name.sql']);
    expect(await indexValid()).toBe(true);
  });
});
