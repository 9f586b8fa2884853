import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();

/** A base64url key of exactly `bytes` bytes (as `web-push generate-vapid-keys` prints). */
const base64urlBytes = (bytes: number, what: string) =>
  z
    .string()
    .refine(
      (v) => /^[A-Za-z0-9_-]+={0,2}$/.test(v) && Buffer.from(v, 'base64url').length === bytes,
      `must be ${what}: ${bytes} bytes, base64url`,
    );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'letters, digits and : _ . - only (at most 64)')
    .default('nimbus:'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL: positiveInt.default(900),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(10),
  SALE_BACKDATE_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  CORS_ORIGINS: z.string().optional(),
  DEMO_DATA: bool.optional(),
  RATE_LIMIT_ENABLED: bool.default(true),
  RATE_LIMIT_WINDOW_MS: positiveInt.default(15 * 60 * 1000),
  RATE_LIMIT_AUTH_MAX: positiveInt.default(20),
  RATE_LIMIT_LOGIN_FAILURES: positiveInt.default(5),
  RATE_LIMIT_API_MAX: positiveInt.default(1000),
  RATE_LIMIT_HEAVY_MAX: positiveInt.default(10),
  HEAVY_CONCURRENCY_PER_STORE: positiveInt.max(100).default(2),
  HEAVY_CONCURRENCY: positiveInt.max(100).default(4),
  HEAVY_QUEUE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  RECALCULATE_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('Nimbus <no-reply@nimbus.local>'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  VAPID_PUBLIC_KEY: base64urlBytes(65, 'an uncompressed P-256 public key').optional(),
  VAPID_PRIVATE_KEY: base64urlBytes(32, 'a P-256 private key').optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be a mailto: address or an https: URL')
    .optional(),
  OUTBOUND_ALLOW_PRIVATE: bool.default(false),
  OUTBOUND_CA_FILE: z.string().min(1).optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000),
  WEBHOOK_SECRET_OVERLAP_HOURS: z.coerce.number().min(0).max(720).default(24),
  WEBHOOK_ALLOW_HTTP: bool.optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  WS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'debug', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  FILE_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  IMAGE_MAX_PIXELS: z.coerce.number().int().min(1_000_000).max(268_402_689).default(40_000_000),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  OCR_TESSERACT_BIN: z.string().min(1).default('tesseract'),
  OCR_PDFTOPPM_BIN: z.string().min(1).default('pdftoppm'),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  redisUrl?: string;
  redisKeyPrefix: string;
  jwtSecret?: string;
  encryptionKey?: string;
  accessTokenTtl: number;
  /**
   * A just-rotated refresh token presented again within this many seconds gets the same
   * successor (two tabs refreshing at once); later reuse revokes the family. 0 turns it off.
   */
  refreshReuseGraceSeconds: number;
  /**
   * How far back a sale's `soldAt` may be (a till that kept sales while the server was out of
   * reach sends them with the time they were rung up). 0 accepts no back-dating.
   */
  saleBackdateDays: number;
  corsOrigins: string[];
  demoData: boolean;
  rateLimit: {
    enabled: boolean;
    windowMs: number;
    authMax: number;
    loginFailures: number;
    apiMax: number;
    heavyMax: number;
  };
  /**
   * Heavy requests (reports, forecasts, the reorder plan, file reads) running at once in this
   * process, per store and in all; one beyond waits up to `queueMs` for a slot, then is refused.
   */
  heavy: { perStore: number; total: number; queueMs: number };
  /** A store-wide forecast recalculation is queued at most this often per store. */
  recalculateMinIntervalSeconds: number;
  /** How often the scheduler looks for due runs (schedules fire within this of their time). */
  schedulerTickSeconds: number;
  smtpUrl?: string;
  mailFrom: string;
  /**
   * The origin of links in e-mails. Unset (development only) they use this server's own origin,
   * `http://localhost:<port>`, and never a request's Host header.
   */
  publicUrl?: string;
  /**
   * Web Push's VAPID keys and subject (a mailto: or https: contact for the push services).
   * Unset keys: generated once into DATA_DIR, except in production, where push is then off.
   */
  vapid: { publicKey?: string; privateKey?: string; subject?: string };
  /**
   * Requests to addresses users give (push services): `allowPrivate` lets them reach
   * loopback and private networks (never link-local or metadata); `caFile` adds trusted CAs.
   */
  outbound: { allowPrivate: boolean; caFile?: string };
  /**
   * Outbound webhooks: each request's deadline, the run of failed attempts that disables an
   * endpoint, the retry backoff (`min(maxMs, baseMs·2^n)` with full jitter), how long a
   * rotated-out secret still signs, and whether plain-http URLs are accepted (default: not in
   * production).
   */
  webhooks: {
    timeoutMs: number;
    maxFailures: number;
    retryBaseMs: number;
    retryMaxMs: number;
    secretOverlapMs: number;
    allowHttp: boolean;
  };
  metrics: { token?: string; port?: number; host: string };
  /**
   * The outbox publisher: published events are deleted after `retentionDays` (a client
   * resuming from before then is told to resync); `pollMs` is its fallback poll should a
   * commit's notification be missed.
   */
  outbox: { retentionDays: number; pollMs: number };
  /** WebSocket ping interval; a socket that has not answered the previous ping is dropped. */
  wsHeartbeatMs: number;
  shutdownTimeoutMs: number;
  logLevel: Env['LOG_LEVEL'];
  webDist: string;
  trustProxy: number;
  /**
   * Uploaded files (invoices' originals, product images): the largest upload, how many days a
   * removed file is kept before the hourly cleanup deletes it, the most pixels an image may
   * decode to, and where the bytes live: DATA_DIR/files, or the S3 bucket when `s3` is set.
   */
  files: {
    maxBytes: number;
    retentionDays: number;
    maxImagePixels: number;
    s3?: {
      bucket: string;
      region: string;
      endpoint?: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
    };
  };
  /**
   * The OCR engines scanned invoices are read with (Debian: tesseract-ocr, tesseract-ocr-eng
   * and poppler-utils): names looked up on PATH, or paths. Without them a scan is a 422.
   */
  ocr: { tesseract: string; pdftoppm: string };
}

export class ConfigError extends Error {}

/** Parses the environment once; a bad value names the variable and stops the process. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing = (['JWT_SECRET', 'DATABASE_URL', 'PUBLIC_URL'] as const).filter((k) => !e[k]);
    if (missing.length) {
      throw new ConfigError(
        `Invalid configuration:\n${missing.map((k) => `  ${k}: required when NODE_ENV=production`).join('\n')}`,
      );
    }
  }
  if (!e.VAPID_PUBLIC_KEY !== !e.VAPID_PRIVATE_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither',
    );
  }
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither',
    );
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    // Default: .data at the repository root, whichever workspace the process started in.
    dataDir: e.DATA_DIR ? path.resolve(e.DATA_DIR) : path.resolve(__dirname, '..', '..', '.data'),
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    jwtSecret: e.JWT_SECRET,
    encryptionKey: e.ENCRYPTION_KEY,
    accessTokenTtl: e.ACCESS_TOKEN_TTL,
    refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
    saleBackdateDays: e.SALE_BACKDATE_DAYS,
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    demoData: e.DEMO_DATA ?? !e.DATABASE_URL,
    rateLimit: Object.freeze({
      enabled: e.RATE_LIMIT_ENABLED,
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      authMax: e.RATE_LIMIT_AUTH_MAX,
      loginFailures: e.RATE_LIMIT_LOGIN_FAILURES,
      apiMax: e.RATE_LIMIT_API_MAX,
      heavyMax: e.RATE_LIMIT_HEAVY_MAX,
    }),
    heavy: Object.freeze({
      perStore: e.HEAVY_CONCURRENCY_PER_STORE,
      total: e.HEAVY_CONCURRENCY,
      queueMs: e.HEAVY_QUEUE_MS,
    }),
    recalculateMinIntervalSeconds: e.RECALCULATE_MIN_INTERVAL_SECONDS,
    schedulerTickSeconds: e.SCHEDULER_TICK_SECONDS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    vapid: Object.freeze({
      publicKey: e.VAPID_PUBLIC_KEY,
      privateKey: e.VAPID_PRIVATE_KEY,
      subject: e.VAPID_SUBJECT,
    }),
    outbound: Object.freeze({
      allowPrivate: e.OUTBOUND_ALLOW_PRIVATE,
      caFile: e.OUTBOUND_CA_FILE && path.resolve(e.OUTBOUND_CA_FILE),
    }),
    webhooks: Object.freeze({
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxFailures: e.WEBHOOK_MAX_FAILURES,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: e.WEBHOOK_RETRY_MAX_MS,
      secretOverlapMs: Math.round(e.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000),
      allowHttp: e.WEBHOOK_ALLOW_HTTP ?? e.NODE_ENV !== 'production',
    }),
    metrics: Object.freeze({ token: e.METRICS_TOKEN, port: e.METRICS_PORT, host: e.METRICS_HOST }),
    outbox: Object.freeze({ retentionDays: e.OUTBOX_RETENTION_DAYS, pollMs: e.OUTBOX_POLL_MS }),
    wsHeartbeatMs: e.WS_HEARTBEAT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    ocr: Object.freeze({ tesseract: e.OCR_TESSERACT_BIN, pdftoppm: e.OCR_PDFTOPPM_BIN }),
    webDist: path.resolve(e.WEB_DIST ?? path.join(__dirname, '..', '..', 'web', 'dist')),
    files: Object.freeze({
      maxBytes: e.FILE_MAX_BYTES,
      retentionDays: e.FILE_RETENTION_DAYS,
      maxImagePixels: e.IMAGE_MAX_PIXELS,
      s3: e.S3_BUCKET
        ? Object.freeze({
            bucket: e.S3_BUCKET,
            region: e.S3_REGION,
            endpoint: e.S3_ENDPOINT,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          })
        : undefined,
    }),
  });
}
