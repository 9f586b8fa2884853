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
