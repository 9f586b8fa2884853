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

test('with no S3 bucket, then files stay on the local disk with their limits; with one, its settings', () => {
  const local = loadConfig({});
  expect(local.files).toEqual({
    maxBytes: 10 * 1024 * 1024,
    retentionDays: 30,
    maxImagePixels: 40_000_000,
    s3: undefined,
  });
  const s3 = loadConfig({
    S3_BUCKET: 'nimbus-files',
    S3_ENDPOINT: 'http://127.0.0.1:9000',
    S3_ACCESS_KEY_ID: 'key',
    S3_SECRET_ACCESS_KEY: 'secret',
    S3_FORCE_PATH_STYLE: 'true',
  });
  expect(s3.files.s3).toEqual({
    bucket: 'nimbus-files',
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9000',
    accessKeyId: 'key',
    secretAccessKey: 'secret',
    forcePathStyle: true,
  });
  expect(() => loadConfig({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'key' })).toThrow(
    'S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither',
  );
  expect(() => loadConfig({ FILE_MAX_BYTES: '10' })).toThrow('FILE_MAX_BYTES');
  expect(() => loadConfig({ S3_ENDPOINT: 'ftp://x' })).toThrow('S3_ENDPOINT');
});
