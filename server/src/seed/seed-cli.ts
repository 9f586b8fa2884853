import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createServices } from '../composition';
import { ConfigError, loadConfig } from '../config';
import { startEmbeddedPostgres } from '../db/embedded';
import { migrate } from '../db/migrate';
import { createPool } from '../db/pool';
import { createLogger } from '../logger';
import { createDemoAccount } from './demo';
import { OutboxMailer } from '../platform/mailer';
import { createPlatform } from '../platform/platform';

const USAGE = `Usage: npm run seed -- [--products N] [--days D] [--store-name X] [--email E] [--seed S]

Creates a user who owns a new store and fills the store with N products and D days of
generated history. Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (stop a
running embedded server first: one data folder serves one process).
`;

const out = (line: string) => process.stdout.write(`${line}\n`);

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`--${name} must be a positive integer`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      products: { type: 'string' },
      days: { type: 'string' },
      'store-name': { type: 'string' },
      email: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return out(USAGE);
  const products = positive('products', values.products, 300);
  const days = positive('days', values.days, 180);
  const seed = positive('seed', values.seed, 2026);
  const tag = randomBytes(3).toString('hex');
  const email = values.email ?? `seed-${tag}@nimbus.local`;
  const storeName = values['store-name'] ?? `Demo Store ${products} products (${tag})`;
  const password = `Nimbus-${randomBytes(9).toString('base64url')}`;

  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const started = Date.now();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, log);
  const pool = createPool(config.databaseUrl ?? embedded!.url, 2);
  const platform = await createPlatform({ log });
  try {
    const applied = await migrate(pool);
    out(`database: ${embedded ? `embedded (${config.dataDir})` : 'DATABASE_URL'}`);
    if (applied.length) out(`migrations applied: ${applied.join(', ')}`);
    const services = createServices({
      config,
      pool,
      platform,
      mailer: new OutboxMailer(pool, log),
      log,
      jwtSecret: randomBytes(32).toString('hex'),
    });
    out(`generating ${products} products, ${days} days of history (seed ${seed})...`);
    const { storeId, summary } = await createDemoAccount(pool, services, {
      email,
      password,
      name: 'Seeded Owner',
      storeName,
      products,
      days,
      seed,
      onStep: (step, ms) => out(`  ${step.padEnd(18)} ${(ms / 1000).toFixed(1)} s`),
    });
    out('');
    out(`store:    ${storeName} (${storeId})`);
    out(`login:    ${email} / ${password}`);
    out(
      `created:  ${summary.products} products, ${summary.sales} sales, ` +
        `${summary.saleLines} sale lines, ${summary.movements} stock movements`,
    );
    out(`took:     ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await platform.close();
    await pool.end();
    await embedded?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(
    err instanceof ConfigError ? `${err.message}\n${USAGE}` : `seed failed: ${String(err)}\n`,
  );
  process.exit(1);
});
