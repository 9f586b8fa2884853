import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import TransportStream from 'winston-transport';
import { createApp } from '../app';
import { createServices, type Services } from '../composition';
import { loadConfig } from '../config';
import { createPool } from '../db/pool';
import { createLogger } from '../logger';
import { createAccessTokens } from '../modules/auth/tokens';
import { OutboxMailer, SmtpMailer } from '../platform/mailer';
import { createPlatform, type Platform } from '../platform/platform';
import { specApi, type SpecApi } from './openapi';
import { createTestDb, type TestDb } from './db';

/** Where test apps keep uploaded files (DATA_DIR/files), not the repository's .data. */
export const TEST_DATA_DIR = path.join(os.tmpdir(), 'nimbus-test-data');

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** Keeps every log line a test app writes, so tests can assert what is (not) logged. */
class MemoryTransport extends TransportStream {
  readonly lines: string[] = [];
  override log(info: Record<string | symbol, unknown>, next: () => void) {
    this.lines.push(JSON.stringify(info));
    next();
  }
}

export interface TestApp {
  api: SpecApi;
  db: TestDb;
  platform: Platform;
  app: ReturnType<typeof createApp>['app'];
  routes: ReturnType<typeof createApp>['routes'];
  services: Services;
  logs: string[];
  /** Flip `shuttingDown` to see the app as it answers during a drain. */
  lifecycle: { shuttingDown: boolean };
  keyPrefix: string;
  tokenFor(userId: string): string;
  close(): Promise<void>;
}

/**
 * The real app on a private database and (with REDIS_URL) real Redis under a private key
 * prefix. Rate limits are high unless a test asks for the defaults.
 */
export async function buildTestApp(
  env: Record<string, string> = {},
  /** Another "replica": the same database and cache namespace as an existing test app. */
  replicaOf?: TestApp,
  /** The app's own pool on its database (e.g. through a proxy a test can cut). */
  poolFor?: (db: TestDb) => Pool,
): Promise<TestApp> {
  const db = replicaOf?.db ?? (await createTestDb());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'http',
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_AUTH_MAX: '100000',
    RATE_LIMIT_LOGIN_FAILURES: '100000',
    RATE_LIMIT_HEAVY_MAX: '100000',
    // Tests build months of sales history through the API; the window's own tests set it.
    SALE_BACKDATE_DAYS: '3650',
    DATA_DIR: TEST_DATA_DIR,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  });
  const memory = new MemoryTransport({ level: 'debug' });
  const log = createLogger('http', [memory]);
  log.transports[0]!.silent = true;
  const keyPrefix = replicaOf?.keyPrefix ?? `nimbus-test:${randomBytes(4).toString('hex')}:`;
  const platform = await createPlatform({
    redisUrl: config.redisUrl,
    keyPrefix,
    log,
  });
  const pool = poolFor ? poolFor(db) : db.pool;
  const healthPool = poolFor ? poolFor(db) : createPool(db.url, 2);
  const services = createServices({
    config,
    pool,
    platform,
    // As main: SMTP when the test gives SMTP_URL (a server it started), else the outbox.
    mailer: config.smtpUrl
      ? new SmtpMailer(config.smtpUrl, config.mailFrom)
      : new OutboxMailer(db.pool, log),
    log,
    jwtSecret: TEST_JWT_SECRET,
    healthPool,
  });
  const lifecycle = { shuttingDown: false };
  const built = createApp({ config, log, services, pool, lifecycle });
  const tokens = createAccessTokens(TEST_JWT_SECRET, config.accessTokenTtl);
  return {
    ...built,
    services,
    api: specApi(built.app),
    db,
    platform,
    logs: memory.lines,
    lifecycle,
    keyPrefix,
    tokenFor: (userId) => tokens.sign(userId, randomUUID()).token,
    async close() {
      await services.outboxPublisher.stop();
      await services.jobs.stop(0);
      await platform.close();
      await healthPool.end();
      if (!replicaOf) await db.drop();
    },
  };
}

/**
 * The test app of the enclosing file or describe block: built before its tests run, closed
 * after them. The object is filled in by beforeAll, so read it inside tests and hooks only.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await buildTestApp(env));
  });
  afterAll(() => t.close());
  return t;
}
