import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createLogger } from '../logger';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';
import { closePool, createPool } from './pool';
import { generateSchema } from './schema-gen';

// From src/db (tsx) and dist/db alike: the committed file is the source one.
const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'src', 'db', 'schema.ts');

/**
 * `npm run generate:db`: migrates a fresh database (a throwaway one on DATABASE_URL's server,
 * else an embedded PostgreSQL in a temporary folder) and writes `schema.ts` from it.
 * `--check` writes nothing and fails if the committed file differs.
 */
async function main() {
  const check = process.argv.includes('--check');
  const text = await withFreshDatabase(async (url) => {
    const pool = createPool(url, 1);
    try {
      await migrate(pool);
      return await generateSchema(pool);
    } finally {
      await closePool(pool);
    }
  });
  const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  const rel = path.relative(process.cwd(), SCHEMA_FILE);
  if (check) {
    if (committed !== text) throw new Error(`${rel} is stale: run \`npm run generate:db\``);
    process.stdout.write(`${rel} is up to date\n`);
    return;
  }
  if (committed !== text) await writeFile(SCHEMA_FILE, text);
  process.stdout.write(`${rel} ${committed === text ? 'unchanged' : 'written'}\n`);
}

async function withFreshDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-schema-'));
    const embedded = await startEmbeddedPostgres(dir, createLogger('warn'));
    try {
      return await fn(embedded.url);
    } finally {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const name = `nimbus_schema_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name} TEMPLATE template0`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
