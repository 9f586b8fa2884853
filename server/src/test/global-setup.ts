import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { startEmbeddedPostgres } from '../db/embedded';
import { migrate } from '../db/migrate';
import { createPool } from '../db/pool';
import { createLogger } from '../logger';
import { loadOpenApi } from '../ops/docs';

/**
 * One PostgreSQL for the run (DATABASE_URL, or an embedded one like `npm start` uses),
 * one migrated template database; every test file clones it in milliseconds.
 */
export default async function globalSetup() {
  const started = Date.now();
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-test-'));
    const embedded = await startEmbeddedPostgres(dir, createLogger('silent'));
    (globalThis as Record<string, unknown>).__nimbusEmbedded = { ...embedded, dir };
    adminUrl = embedded.url;
  }
  // Random: other runs may share this PostgreSQL (and reuse our pid in another container).
  const template = `nimbus_tpl_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, template);
  const pool = createPool(templateUrl, 1);
  await migrate(pool);
  // The job queue's tables too, so no test database installs them again.
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, close: false });
  await pool.end();
  // The contract as JSON, read by every file's response checks in milliseconds rather than
  // parsed from YAML again in each (test/openapi.ts).
  const contract = path.join(os.tmpdir(), `nimbus-openapi-${randomBytes(6).toString('hex')}.json`);
  await writeFile(contract, JSON.stringify(loadOpenApi()));
  process.env.NIMBUS_TEST_OPENAPI_JSON = contract;
  process.env.NIMBUS_TEST_ADMIN_URL = adminUrl;
  process.env.NIMBUS_TEST_TEMPLATE = template;
  process.stdout.write(
    `\ntest database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}, ` +
      `cache: ${process.env.REDIS_URL ? 'Redis (REDIS_URL)' : 'in-process'}, ready in ${Date.now() - started} ms\n`,
  );
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
