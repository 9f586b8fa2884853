import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';
import { createPool } from './pool';

/** `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded database) and exit. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, log);
  const pool = createPool(config.databaseUrl ?? embedded!.url, 1);
  try {
    const applied = await migrate(pool);
    log.info(applied.length ? 'migrations applied' : 'database is up to date', { applied });
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`Migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
