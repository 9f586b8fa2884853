import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { createApp } from '../app';
import { createServices } from '../composition';
import { loadConfig } from '../config';
import type { Logger } from '../logger';
import { createAccessTokens } from '../modules/auth/tokens';
import type { Cache } from '../platform/cache';
import { OutboxMailer } from '../platform/mailer';
import type { Platform } from '../platform/platform';

/**
 * Never hits for data: the app behind it runs its SQL on every request. Each read also sees a
 * new store generation, so concurrent identical requests are not coalesced by the
 * single-flight either, and every request pays its own queries, like the bare handler. Only
 * the sign-in session check stays remembered, as in production: the scenarios measure the
 * endpoints, not authentication.
 */
class NoCache implements Cache {
  private generation = 0;
  private readonly sessions = new Map<string, unknown>();
  async get<T>(key: string): Promise<T | undefined> {
    if (key.startsWith('session:')) return this.sessions.get(key) as T | undefined;
    return (key.startsWith('gen:') ? ++this.generation : undefined) as T | undefined;
  }
  async set(key: string, value: unknown): Promise<void> {
    if (key.startsWith('session:')) this.sessions.set(key, value);
  }
  async add(key: string, value: unknown): Promise<void> {
    if (!this.sessions.has(key)) await this.set(key, value);
  }
  async del(): Promise<void> {}
  async incr(): Promise<number> {
    return 1;
  }
}

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** The real app on port 0, rate limits off; `cached: false` swaps its cache for one that never hits. */
export async function startApp(opts: {
  pool: Pool;
  databaseUrl: string;
  platform: Platform;
  log: Logger;
  jwtSecret: string;
  cached: boolean;
}): Promise<RunningApp> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: opts.databaseUrl,
    JWT_SECRET: opts.jwtSecret,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'error',
    PORT: '0',
    PUBLIC_URL: 'http://127.0.0.1',
  });
  const platform = opts.cached ? opts.platform : { ...opts.platform, cache: new NoCache() };
  const services = createServices({
    config,
    pool: opts.pool,
    platform,
    mailer: new OutboxMailer(opts.pool, opts.log),
    log: opts.log,
    jwtSecret: opts.jwtSecret,
  });
  const { app } = createApp({ config, log: opts.log, services, pool: opts.pool });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function benchSecret(): string {
  return randomBytes(32).toString('hex');
}

/** An access token that outlives the whole run. */
export function benchToken(secret: string, userId: string): string {
  return createAccessTokens(secret, 3600).sign(userId, randomUUID()).token;
}
