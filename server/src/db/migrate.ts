import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { one, type Row } from './rows';
import { splitStatements } from './sql-statements';

export const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', '..', 'migrations');
// Any constant works; it only has to be the same for every replica.
const LOCK_KEY = 7_314_159_265;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
  /**
   * From a first line `-- migrate:no-transaction [lock_timeout=5s]`: the statements run one by
   * one outside a transaction (so `CREATE INDEX CONCURRENTLY` can build an index without
   * blocking writes), each giving up after `lock_timeout` rather than queueing behind a long
   * transaction while every query on the table queues behind it.
   */
  noTransaction?: { lockTimeout: string };
}

const NO_TRANSACTION = /^--\s*migrate:no-transaction(?:\s+lock_timeout=(\d+(?:ms|s)))?\s*$/m;

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
  const out: MigrationFile[] = [];
  for (const file of files) {
    const sql = await readFile(path.join(dir, file), 'utf8');
    const header = NO_TRANSACTION.exec(sql.split('\n', 1)[0]!);
    out.push({
      version: Number(file.split('_')[0]),
      name: file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
      ...(header ? { noTransaction: { lockTimeout: header[1] ?? '5s' } } : {}),
    });
  }
  return out;
}

/**
 * Applies pending forward-only migrations, each in its own transaction, under a session
 * advisory lock so replicas starting together apply each migration exactly once.
 * An applied migration whose file changed stops the start: migrations are never edited.
 */
export async function migrate(pool: Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await takeMigrationLock(client);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<Row<'schema_migrations', 'version' | 'name' | 'checksum'>>(
      'SELECT version, name, checksum FROM schema_migrations',
    );
    const done = new Map(rows.map((r) => [r.version, r]));
    for (const m of migrations) {
      const prior = done.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(
            `Migration ${m.name} was changed after it was applied (checksum mismatch); add a new migration instead`,
          );
        }
        continue;
      }
      if (m.noTransaction) await applyOutsideTransaction(client, m);
      else await applyInTransaction(client, m);
      applied.push(m.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}

/**
 * The session advisory lock, asked for every 200 ms rather than waited on: a replica blocked
 * inside `pg_advisory_lock()` is a running statement, and `CREATE INDEX CONCURRENTLY` in the
 * replica holding the lock waits for every running statement to finish: a deadlock.
 */
async function takeMigrationLock(client: PoolClient) {
  for (;;) {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
      LOCK_KEY,
    ]);
    if (one(rows).ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const record = (client: PoolClient, m: MigrationFile) =>
  client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
    m.version,
    m.name,
    m.checksum,
  ]);

async function applyInTransaction(client: PoolClient, m: MigrationFile) {
  await client.query('BEGIN');
  try {
    await client.query(m.sql);
    await record(client, m);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Statement by statement, each under the lock timeout. A failure leaves the statements before
 * it applied and the migration unrecorded, so the next start runs the file again: such a file
 * must be safe to rerun (`DROP INDEX CONCURRENTLY IF EXISTS` before `CREATE INDEX
 * CONCURRENTLY`, which also clears the invalid index a failed build leaves behind).
 */
async function applyOutsideTransaction(client: PoolClient, m: MigrationFile) {
  const statements = splitStatements(m.sql);
  await client.query(`SET lock_timeout = '${m.noTransaction!.lockTimeout}'`);
  try {
    for (const [i, statement] of statements.entries()) {
      try {
        await client.query(statement);
      } catch (err) {
        const e = err as { code?: string; message: string };
        const hint =
          e.code === '55P03'
            ? ` (a lock was not granted within ${m.noTransaction!.lockTimeout}: a long transaction holds the table; start again when it is done)`
            : '';
        throw new Error(
          `Migration ${m.name} failed at statement ${i + 1} of ${statements.length}: ${e.message}${hint}`,
          { cause: err },
        );
      }
    }
    await record(client, m);
  } finally {
    await client.query('RESET lock_timeout').catch(() => undefined);
  }
}
