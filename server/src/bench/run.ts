import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Pool } from 'pg';
import { loadConfig } from '../config';
import { migrate } from '../db/migrate';
import { createPool } from '../db/pool';
import { one } from '../db/rows';
import { createLogger } from '../logger';
import { createPlatform } from '../platform/platform';
import { benchSecret, benchToken, startApp } from './app-server';
import { bareHandlers, startBareServer } from './bare';
import { runLoad, type LoadResult } from './load';
import { machineInfo, type Row, renderTable, writeReport } from './report';
import { invoiceFixtures, receivingFixtures } from './purchasing-fixtures';
import { addListScenarios } from './list-scenarios';
import { prepareFixtures } from './scenarios';
import { saleScenarios } from './sale-scenarios';
import { benchServer, cloneForRun, ensureSeeded, type BenchSize } from './seeded-db';

const SIZES: Record<string, BenchSize> = {
  '10k': { label: '10k', products: 10_000, days: 180 },
  '100k': { label: '100k', products: 100_000, days: 90 },
  // A week of history keeps seeding bounded; the lists and lookups measured here read products.
  '1M': { label: '1M', products: 1_000_000, days: 7 },
};

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Waits until no other session of this database is running a statement. */
async function drained(pool: Pool) {
  for (let i = 0; i < 600; i++) {
    // A pool still busy with the last measurement's queue (100 connections) may not lend a
    // connection in time: that is not drained either.
    const busy = await pool
      .query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
      )
      .then(
        ({ rows }) => one(rows).n,
        () => 1,
      );
    if (!busy) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10k,100k' },
      seconds: { type: 'string', default: '6' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '10' },
      only: { type: 'string' },
      'no-report': { type: 'boolean', default: false },
      /** Seed (or migrate) the sizes' cached databases and stop. */
      'seed-only': { type: 'boolean', default: false },
      /** Sizes whose cached databases are left unmigrated (shared ones); the run's copies are. */
      'leave-cache': { type: 'string', default: '' },
    },
  });
  const sizes = values.sizes.split(',').map((s) => {
    const size = SIZES[s.trim()];
    if (!size) throw new Error(`unknown size ${s}; use ${Object.keys(SIZES).join(', ')}`);
    return size;
  });
  const seconds = Number(values.seconds);
  const warmup = Number(values.warmup);
  const connections = Number(values.connections);
  const config = loadConfig();
  const log = createLogger('error');
  const started = Date.now();
  const server = await benchServer(config.databaseUrl, config.dataDir, log);
  // Stopped with Ctrl-C or kill: stop the embedded PostgreSQL too, not leave it running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`\n${signal}: stopping`);
      void server.stop().finally(() => process.exit(130));
    });
  }
  const platform = await createPlatform({
    redisUrl: config.redisUrl,
    keyPrefix: `nimbus-bench:${randomBytes(4).toString('hex')}:`,
    log,
  });
  say(`PostgreSQL ${server.version} (${server.kind}), cache: ${platform.kind}`);
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      say(`\n== ${size.label} products ==`);
      const seeded = await ensureSeeded(
        server,
        size,
        say,
        !values['leave-cache'].split(',').includes(size.label),
      );
      if (values['seed-only']) continue;
      const db = await cloneForRun(server, seeded);
      const pool = createPool(db.url, 10);
      const secret = benchSecret();
      const apps: Array<{ close(): Promise<void> }> = [];
      try {
        const migrating = Date.now();
        const applied = await migrate(pool);
        if (applied.length) {
          say(
            `  migrated the run's copy in ${((Date.now() - migrating) / 1000).toFixed(1)} s: ${applied.join(', ')}`,
          );
        }
        const fixtures = await prepareFixtures(pool, db.storeId);
        const receiving = await receivingFixtures(pool, db.storeId, db.userId);
        const invoices = await invoiceFixtures(pool, db.storeId);
        const sales = await saleScenarios(pool, db);
        fixtures.scenarios.push(receiving.scenario, invoices.scenario, ...sales.scenarios);
        const listWrites = await addListScenarios(pool, db.storeId, db.userId, fixtures);
        const appOpts = { pool, databaseUrl: db.url, platform, log, jwtSecret: secret };
        const cached = await startApp({ ...appOpts, cached: true });
        const uncached = await startApp({ ...appOpts, cached: false });
        const bare = await startBareServer({
          ...bareHandlers(pool, db.storeId, db.userId, fixtures.lists, fixtures.afters),
          ...receiving.handlers,
          ...invoices.handlers,
          ...sales.handlers,
          ...listWrites,
        });
        apps.push(cached, uncached, bare);
        const token = benchToken(secret, db.userId);
        const only = values.only;
        for (const s of fixtures.scenarios.filter(
          (x) => !only || only.split(',').some((o) => x.name.includes(o)),
        )) {
          const measure = async (url: string, paths: string[], auth: boolean) => {
            const spec = {
              url,
              method: s.method,
              methods: s.methods,
              paths,
              bodies: auth ? s.bodies : (s.bareBodies ?? s.bodies),
              connections: s.connections ?? connections,
              timeout: 120,
              headers: {
                'content-type': 'application/json',
                ...(auth ? { authorization: `Bearer ${token}`, ...s.headers } : {}),
              },
            };
            if (warmup > 0 && s.method === 'GET') {
              await runLoad({ ...spec, seconds: warmup });
              await drained(pool);
            }
            const result = await runLoad({ ...spec, seconds: s.seconds ?? seconds });
            // autocannon stops sending, not the server working: let in-flight requests end
            // before the next measurement starts.
            await drained(pool);
            return result;
          };
          const appResult: LoadResult = await measure(
            (s.app === 'cached' ? cached : uncached).url,
            s.appPaths,
            true,
          );
          const bareResult = await measure(bare.url, s.barePaths, false);
          const row: Row = { size: size.label, scenario: s.name, app: appResult, bare: bareResult };
          rows.push(row);
          say(renderTable([row], false));
        }
      } finally {
        for (const a of apps) await a.close();
        await pool.end();
        await db.drop();
      }
    }
  } finally {
    await platform.close();
    await server.stop();
  }
  say(`\n${renderTable(rows, true)}`);
  say(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!values['no-report']) {
    const file = await writeReport(rows, {
      ...machineInfo(),
      postgres: `${server.version} (${server.kind})`,
      cache: platform.kind,
      seconds,
      connections,
    });
    say(`written to ${file}`);
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
