import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../db/embedded';
import { migrate } from '../db/migrate';
import { createPool } from '../db/pool';
import { one, type Row } from '../db/rows';
import type { Logger } from '../logger';
import { generateDemoStore } from '../seed/generate';

/**
 * Bump when the generator's output changes, so cached databases are rebuilt
 * (2: purchase orders, receipts, invoices and supplier offers).
 */
const GENERATOR_VERSION = 2;
const MAX_AGE_DAYS = 7;

export interface BenchSize {
  label: string;
  products: number;
  days: number;
}

export interface SeededStore {
  url: string;
  storeId: string;
  userId: string;
  drop(): Promise<void>;
}

export interface BenchServer {
  adminUrl: string;
  kind: 'embedded' | 'DATABASE_URL';
  version: string;
  stop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** DATABASE_URL's server, or an embedded PostgreSQL of its own under DATA_DIR/bench. */
export async function benchServer(
  databaseUrl: string | undefined,
  dataDir: string,
  log: Logger,
): Promise<BenchServer> {
  const embedded = databaseUrl
    ? undefined
    : await startEmbeddedPostgres(path.join(dataDir, 'bench'), log);
  const adminUrl = withDatabase(databaseUrl ?? embedded!.url, 'postgres');
  const version = await admin(adminUrl, async (c) => {
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return one(rows).v;
  });
  return {
    adminUrl,
    kind: embedded ? 'embedded' : 'DATABASE_URL',
    version,
    stop: async () => embedded?.stop(),
  };
}

interface Marker {
  storeId: string;
  userId: string;
  seededAt: string;
}

/**
 * A database seeded at `size`, kept between runs under a name that encodes the size and
 * the generator version (its comment records the store); rebuilt when missing or stale.
 */
export async function ensureSeeded(
  server: BenchServer,
  size: BenchSize,
  say: (line: string) => void,
  /** false: a cache seeded by someone else is left as it is (the run's copy is migrated). */
  migrateCache = true,
): Promise<{ name: string; marker: Marker }> {
  const name = `nimbus_bench_${size.products}p_${size.days}d_v${GENERATOR_VERSION}`;
  const found = await admin(server.adminUrl, async (c) => {
    const { rows } = await c.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    return rows[0];
  });
  const marker = found?.comment ? (JSON.parse(found.comment) as Marker) : undefined;
  const ageDays = marker ? (Date.now() - Date.parse(marker.seededAt)) / 86_400_000 : Infinity;
  if (marker && ageDays < MAX_AGE_DAYS) {
    say(`  using cached ${name} (seeded ${marker.seededAt.slice(0, 10)})`);
    if (!migrateCache) return { name, marker };
    // Migrations added since it was seeded (a new index, a backfill) apply to the cache once.
    const pool = createPool(withDatabase(server.adminUrl, name), 2);
    try {
      const applied = await migrate(pool);
      if (applied.length) say(`  migrated it: ${applied.join(', ')}`);
    } finally {
      await pool.end();
    }
    return { name, marker };
  }
  say(`  seeding ${name}: ${size.products} products, ${size.days} days...`);
  await admin(server.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const pool = createPool(withDatabase(server.adminUrl, name), 2);
  try {
    await migrate(pool);
    const { rows } = await pool.query<Row<'memberships', 'store_id' | 'user_id'>>(
      `WITH u AS (
         INSERT INTO users (email, name, password_hash) VALUES ('bench@nimbus.local', 'Bench', '!')
         RETURNING id
       ), s AS (INSERT INTO stores (name) VALUES ($1) RETURNING id)
       INSERT INTO memberships (store_id, user_id, role) SELECT s.id, u.id, 'admin' FROM s, u
       RETURNING store_id, user_id`,
      [`Bench ${size.label}`],
    );
    const { store_id: storeId, user_id: userId } = one(rows);
    const created: Marker = {
      storeId,
      userId,
      seededAt: new Date().toISOString(),
    };
    const summary = await generateDemoStore(pool, {
      ...created,
      products: size.products,
      days: size.days,
      seed: 42,
      onStep: (step, ms) => say(`    ${step}: ${(ms / 1000).toFixed(1)} s`),
    });
    say(
      `  seeded in ${(summary.ms / 1000).toFixed(1)} s: ${summary.sales} sales, ` +
        `${summary.saleLines} sale lines, ${summary.movements} movements`,
    );
    await pool.query(`COMMENT ON DATABASE ${name} IS '${JSON.stringify(created)}'`);
    return { name, marker: created };
  } finally {
    await pool.end();
  }
}

/** A throw-away copy of the cached database, so a run's sales never change the cache. */
export async function cloneForRun(
  server: BenchServer,
  seeded: { name: string; marker: Marker },
): Promise<SeededStore> {
  // One copy per process: two benches on one server (two worktrees) must not drop each other's.
  const run = `${seeded.name}_run_${process.pid}`;
  await admin(server.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    // FILE_COPY (PostgreSQL 15+) copies files instead of WAL-logging every page.
    await c
      .query(`CREATE DATABASE ${run} TEMPLATE ${seeded.name} STRATEGY FILE_COPY`)
      .catch(() => c.query(`CREATE DATABASE ${run} TEMPLATE ${seeded.name}`));
  });
  return {
    url: withDatabase(server.adminUrl, run),
    storeId: seeded.marker.storeId,
    userId: seeded.marker.userId,
    drop: () =>
      admin(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
