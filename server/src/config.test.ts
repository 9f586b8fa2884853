import { loadConfig } from './config';

test('with no environment, then the embedded defaults of PRODUCT.md §7', () => {
  const c = loadConfig({});
  expect(c).toEqual(
    expect.objectContaining({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      demoData: true,
      logLevel: 'info',
    }),
  );
  expect(c.databaseUrl).toBeUndefined();
  expect(c.redisUrl).toBeUndefined();
  expect(c.redisKeyPrefix).toBe('nimbus:');
  expect(c.rateLimit).toEqual({
    enabled: true,
    windowMs: 900_000,
    authMax: 20,
    loginFailures: 5,
    apiMax: 1000,
    heavyMax: 10,
  });
  expect(c.saleBackdateDays).toBe(7);
  expect(Object.isFrozen(c)).toBe(true);
});

test('with an external database, then demo data is off unless asked for', () => {
  expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demoData).toBe(false);
  expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO_DATA: 'true' }).demoData).toBe(true);
});

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
  [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
  [{ REDIS_KEY_PREFIX: 'has spaces' }, 'REDIS_KEY_PREFIX'],
  [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  [{ RATE_LIMIT_ENABLED: 'maybe' }, 'RATE_LIMIT_ENABLED'],
  [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
  [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'DATABASE_URL'],
  [
    { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://u@h/db' },
    'PUBLIC_URL',
  ],
  [{ PUBLIC_URL: 'javascript:alert(1)' }, 'PUBLIC_URL'],
  [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
  [{ SHUTDOWN_TIMEOUT_MS: '-1' }, 'SHUTDOWN_TIMEOUT_MS'],
  [{ SALE_BACKDATE_DAYS: 'a week' }, 'SALE_BACKDATE_DAYS'],
  [{ OUTBOX_RETENTION_DAYS: '0' }, 'OUTBOX_RETENTION_DAYS'],
  [{ OUTBOX_POLL_MS: '10' }, 'OUTBOX_POLL_MS'],
  [{ WS_HEARTBEAT_MS: 'often' }, 'WS_HEARTBEAT_MS'],
])('when %j, then start-up stops with a message naming %s', (env, name) => {
  expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
});
