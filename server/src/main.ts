import type { Server } from 'node:http';
import { createApp } from './app';
import { purgeIdempotencyKeys } from './http/idempotency';
import { ConfigError, loadConfig } from './config';
import { startEmbeddedPostgres } from './db/embedded';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';
import { createLogger } from './logger';
import { DEMO_LOGIN, seedDemoIfEmpty } from './modules/demo/demo';
import { OutboxMailer, SmtpMailer } from './platform/mailer';
import { createPlatform } from './platform/platform';
import { loadOrCreateSecret } from './secrets';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, log);
  const pool = createPool(config.databaseUrl ?? embedded!.url, 10, (err) =>
    log.warn('idle database connection lost', { error: err.message }),
  );
  const applied = await migrate(pool);
  if (applied.length) log.info('migrations applied', { applied });
  const jwtSecret = config.jwtSecret ?? (await loadOrCreateSecret(config.dataDir, 'jwt-secret'));
  const platform = await createPlatform({
    redisUrl: config.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    log,
  });
  const mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new OutboxMailer(pool, log);
  const lifecycle = { shuttingDown: false };
  const { app, services } = createApp({
    config,
    pool,
    platform,
    mailer,
    log,
    jwtSecret,
    lifecycle,
  });
  const seeded = config.demoData && (await seedDemoIfEmpty(pool, services, log));
  services.jobs.start();
  const housekeeping = setInterval(() => {
    purgeIdempotencyKeys(pool).catch((err) =>
      log.warn('idempotency purge failed', { error: String(err) }),
    );
  }, 60 * 60_000);
  housekeeping.unref();
  if (config.env === 'production' && !config.publicUrl) {
    log.warn('PUBLIC_URL is not set: links in e-mails use the request Host header');
  }

  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info('Nimbus is ready', {
      url: `http://localhost:${port}`,
      port,
      database: embedded ? 'embedded' : 'external',
      cache: platform.kind,
      startupMs: Date.now() - started,
      ...(seeded ? { demoLogin: DEMO_LOGIN } : {}),
    });
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    lifecycle.shuttingDown = true;
    log.info('shutting down', { signal });
    setTimeout(() => {
      log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Stop accepting connections, let in-flight requests finish, drop idle keep-alives.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearInterval(housekeeping);
    await services.jobs.stop();
    await platform.close();
    await pool.end();
    await embedded?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(
      `Nimbus failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
  }
  process.exit(1);
});
