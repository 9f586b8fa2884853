import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApp } from './app';
import { drainable } from './http/drain';
import { ConfigError, loadConfig } from './config';
import { startEmbeddedPostgres } from './db/embedded';
import { migrate } from './db/migrate';
import { closePool, createPool } from './db/pool';
import { createLogger } from './logger';
import { createServices } from './composition';
import { attachEventSocket } from './modules/events/socket.server';
import { DEMO_LOGIN, seedDemoIfEmpty } from './seed/demo';
import { OutboxMailer, SmtpMailer } from './platform/mailer';
import { createPlatform } from './platform/platform';
import { loadOrCreateSecret } from './secrets';
import { loadWebPush } from './modules/notifications/push.keys';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  let shutdown: (reason: string, exitCode?: number) => Promise<void> = async () => process.exit(1);
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, log, (err) => {
        log.error(`${err.message}. Nimbus is stopping; start it again, or set DATABASE_URL.`);
        void shutdown('embedded PostgreSQL lost', 1);
      });
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const pool = createPool(databaseUrl, 10, (err) =>
    log.warn('database connection lost', { error: err.message }),
  );
  // Readiness's own: it never waits behind requests holding every connection of `pool`.
  const healthPool = createPool(databaseUrl, 2);
  const applied = await migrate(pool);
  if (applied.length) log.info('migrations applied', { applied });
  const jwtSecret = config.jwtSecret ?? (await loadOrCreateSecret(config.dataDir, 'jwt-secret'));
  const webPush = await loadWebPush(config);
  if (webPush.enabled) log.info('Web Push is on', { vapidKeys: webPush.source });
  else log.warn(webPush.reason);
  const platform = await createPlatform({
    redisUrl: config.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    log,
  });
  const mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new OutboxMailer(pool, log);
  const lifecycle = { shuttingDown: false };
  let boundPort = config.port;
  const services = createServices({
    config,
    pool,
    platform,
    mailer,
    log,
    jwtSecret,
    healthPool,
    webPush,
    // Unset PUBLIC_URL in development: this server's own origin, on the port it really got.
    publicUrl: () => config.publicUrl ?? `http://localhost:${boundPort}`,
  });
  const { app, metrics } = createApp({ config, log, services, pool, lifecycle });
  const seeded = config.demoData && (await seedDemoIfEmpty(pool, services, log));
  await services.jobs.start();
  services.schedules.start(config.schedulerTickSeconds * 1000);

  const server: Server = app.listen(config.port, config.host, () => {
    const port = (server.address() as AddressInfo).port;
    boundPort = port;
    log.info('Nimbus is ready', {
      url: `http://localhost:${port}`,
      port,
      database: embedded ? 'embedded' : 'external',
      cache: platform.kind,
      startupMs: Date.now() - started,
      ...(seeded ? { demoLogin: DEMO_LOGIN } : {}),
    });
  });

  const drain = drainable(server);
  const sockets = await attachEventSocket(server, {
    db: pool,
    hub: services.eventHub,
    log,
    authenticate: (token) => services.authenticateSocket(token),
    findRole: services.members.findRole,
    heartbeatMs: config.wsHeartbeatMs,
  });
  services.outboxPublisher.start();
  const metricsServer = config.metrics.port === undefined ? undefined : listenMetrics();
  function listenMetrics() {
    const m = express().disable('x-powered-by');
    m.get('/metrics', metrics);
    const s = http
      .createServer(m)
      .listen(config.metrics.port, config.metrics.host, () =>
        log.info('metrics listening', { ...(s.address() as AddressInfo) }),
      );
    return s;
  }

  let stopping = false;
  shutdown = async (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    // Readiness answers 503 from here on, so a load balancer stops sending traffic.
    lifecycle.shuttingDown = true;
    log.info('shutting down', { reason, deadlineMs: config.shutdownTimeoutMs });
    setTimeout(() => {
      log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 2000).unref();
    // WebSockets first: told to reconnect elsewhere (1001), they would otherwise hold the drain.
    await sockets.close();
    const drained = await drain.drain(config.shutdownTimeoutMs);
    if (!drained) log.warn('connections still open at the deadline were closed');
    metricsServer?.close();
    await services.schedules.stop();
    // Running jobs get what is left of the deadline, then go back to the queue.
    await services.jobs.stop(Math.max(1000, config.shutdownTimeoutMs / 2));
    await services.outboxPublisher.stop();
    await platform.close();
    await Promise.all([closePool(pool), closePool(healthPool)]);
    await embedded?.stop();
    log.info('stopped');
    process.exit(exitCode);
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
