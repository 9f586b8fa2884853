/**
 * `npm run bench:recalculate`: the store-wide forecast recalculation (the job `POST
 * forecasts/recalculate` queues and the 02:00 schedule runs) on the bench's seeded store
 * (`--products`, default 10,000, 180 days; seeded once and cached like `npm run bench`'s, each
 * run on a throw-away copy). Prints wall time, this process's CPU time (user + system: the
 * forecasting maths and the driver, not PostgreSQL's) and the load average before and after,
 * for `--runs` runs (the second and later find their forecasts stored by the first).
 * Uses DATABASE_URL, else an embedded PostgreSQL under DATA_DIR/bench.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createPool } from '../db/pool';
import { createLogger } from '../logger';
import type { JobsService } from '../modules/jobs/jobs.service';
import { registerRecalculation } from '../modules/forecasting/recalculate';
import { createReads } from '../reads';
import { benchServer, cloneForRun, ensureSeeded } from './seeded-db';

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '10000' },
    days: { type: 'string', default: '180' },
    runs: { type: 'string', default: '2' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main() {
  const config = loadConfig();
  const log = createLogger('warn');
  const products = Number(values.products);
  const days = Number(values.days);
  const server = await benchServer(config.databaseUrl, config.dataDir, log);
  const seeded = await ensureSeeded(server, { label: `${products} products`, products, days }, say);
  const store = await cloneForRun(server, seeded);
  const pool = createPool(store.url, 4);
  try {
    const sources = createReads().forecastSources;
    // Only the run itself: the job queue is not needed to time it.
    const jobs: Pick<JobsService, 'register'> = { register: () => undefined };
    const { rows } = await pool.query<{ timezone: string }>(
      'SELECT timezone FROM stores WHERE id = $1',
      [store.storeId],
    );
    const timezone = rows[0]?.timezone ?? 'UTC';
    const recalculation = registerRecalculation({
      pool,
      sources,
      jobs: jobs as JobsService,
      timezoneOf: async () => timezone,
      log,
    });
    for (let run = 1; run <= Number(values.runs); run++) {
      const before = load();
      const cpu = process.cpuUsage();
      const started = process.hrtime.bigint();
      const report = await recalculation.run(store.storeId);
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const used = process.cpuUsage(cpu);
      say(
        `run ${run}: ${report.products} products (${report.forecasts} forecast, ${report.insufficientHistory} too short), ` +
          `wall ${wall.toFixed(1)} s, node CPU ${((used.user + used.system) / 1e6).toFixed(1)} s ` +
          `(user ${(used.user / 1e6).toFixed(1)}, system ${(used.system / 1e6).toFixed(1)}), ` +
          `load average before ${before}, after ${load()}`,
      );
    }
  } finally {
    await pool.end();
    await store.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
