import { randomBytes } from 'node:crypto';
import { Client, type Pool } from 'pg';
import { createPool } from '../db/pool';
import { withDatabase } from './global-setup';

export interface TestDb {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: process.env.NIMBUS_TEST_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * A throwaway database's sessions do not wait for the WAL to reach the disk at commit
 * (`synchronous_commit=off`): a crash could lose the last few commits of a database the test
 * drops anyway, and every commit stops costing a flush. Atomicity, isolation and every
 * constraint are unchanged.
 */
function noCommitWait(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', '-c synchronous_commit=off');
  return u.toString();
}

/** A private database for one test file, cloned from the migrated template. */
export async function createTestDb(opts: { migrated?: boolean } = {}): Promise<TestDb> {
  const name = `nimbus_t_${randomBytes(6).toString('hex')}`;
  const template = opts.migrated === false ? 'template0' : process.env.NIMBUS_TEST_TEMPLATE;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = noCommitWait(withDatabase(process.env.NIMBUS_TEST_ADMIN_URL!, name));
  const pool = createPool(url, 10);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
