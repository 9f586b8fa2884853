import path from 'node:path';
import { existsSync } from 'node:fs';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import type { Pool } from 'pg';
import type { Config } from './config';
import { jsonBody } from './http/body';
import { errorHandler, notFound } from './http/error-handler';
import { createGuards } from './http/guards';
import type { StoreContext } from './http/request-types';
import { createRateLimiters } from './http/rate-limits';
import { requestId } from './http/request-id';
import { requestLog } from './http/request-log';
import './http/request-types';
import type { Logger } from './logger';
import { authRouter } from './modules/auth/auth.routes';
import { type AuthService, createAuthService, registerAuthJobs } from './modules/auth/auth.service';
import { createSessions } from './modules/auth/sessions';
import { createAccessTokens } from './modules/auth/tokens';
import { healthRouter, type Lifecycle } from './modules/health/health.routes';
import { membersRouter } from './modules/stores/members.routes';
import { createMembersService } from './modules/stores/members.service';
import { storesRouter } from './modules/stores/stores.routes';
import { createStoresService } from './modules/stores/stores.service';
import { idempotency } from './http/idempotency';
import { analyticsRouter } from './modules/analytics/analytics.routes';
import { createAnalyticsService } from './modules/analytics/analytics.service';
import { categoriesRouter } from './modules/categories/categories.routes';
import { createCategoriesService } from './modules/categories/categories.service';
import { createStoreWriter } from './modules/events/events.service';
import { productsRouter } from './modules/products/products.routes';
import { createProductsService } from './modules/products/products.service';
import { createStockService } from './modules/products/stock.service';
import { salesRouter } from './modules/sales/sales.routes';
import { createSalesService } from './modules/sales/sales.service';
import { suppliersRouter } from './modules/suppliers/suppliers.routes';
import { createSuppliersService } from './modules/suppliers/suppliers.service';
import { createFieldCipher } from './platform/field-cipher';
import { createStoreCache } from './platform/store-cache';
import { createJobsService } from './modules/jobs/jobs.service';
import { jobsRouter } from './modules/jobs/jobs.routes';
import { createExportService } from './modules/products/import/export.service';
import { importExportRouter } from './modules/products/import/import.routes';
import { createImportService } from './modules/products/import/import.service';
import { docsRouter } from './ops/docs';
import { createMetrics, metricsEndpoint } from './ops/metrics';
import type { Mailer } from './platform/mailer';
import type { Platform } from './platform/platform';

export interface AppDeps {
  config: Config;
  pool: Pool;
  platform: Platform;
  mailer: Mailer;
  log: Logger;
  jwtSecret: string;
  lifecycle?: Lifecycle;
  /** The origin of e-mailed links; default config.publicUrl (main passes the bound port's). */
  publicUrl?: () => string;
}

interface Mount {
  prefix: string;
  router: Router;
  before?: RequestHandler[];
}

export function createApp(deps: AppDeps) {
  const { config, pool, platform, mailer, log } = deps;
  const lifecycle = deps.lifecycle ?? { shuttingDown: false };
  const metrics = createMetrics();
  const tokens = createAccessTokens(deps.jwtSecret, config.accessTokenTtl);

  const storeCache = createStoreCache(platform.cache, (err) =>
    log.warn('cache invalidation failed', { error: String(err) }),
  );
  const write = createStoreWriter(pool, storeCache);
  const cipher = createFieldCipher(config.encryptionKey ?? deps.jwtSecret);
  const idempotent = idempotency(pool);

  const stores = createStoresService({ pool, cache: storeCache });
  const publicUrl =
    deps.publicUrl ?? (() => config.publicUrl ?? `http://localhost:${config.port || 3000}`);
  const jobs = createJobsService({ pool, log });
  const members = createMembersService({
    pool,
    mailer,
    publicUrl,
    findUserByEmail: (db, email) => auth.findUserByEmail(db, email),
  });
  const sessions = createSessions(pool, platform.cache, config.accessTokenTtl);
  const auth: AuthService = createAuthService({
    pool,
    tokens,
    sessions,
    mailer,
    jobs,
    publicUrl,
    accessTokenTtl: config.accessTokenTtl,
    log,
    stores,
    members,
  });
  registerAuthJobs(jobs, auth);
  const categories = createCategoriesService({ pool, write });
  const suppliers = createSuppliersService({ pool, write, cipher });
  const timezoneOf = async (ctx: StoreContext) => (await stores.get(ctx)).timezone;
  const stock = createStockService({ pool, write, timezoneOf });
  const products = createProductsService({
    pool,
    write,
    cache: storeCache,
    categories,
    suppliers,
    stock,
  });
  const analytics = createAnalyticsService({ pool, cache: storeCache, stores });
  const sales = createSalesService({ pool, write, stock, analytics, timezoneOf });
  const imports = createImportService({ pool, write, jobs, categories, suppliers, stock });
  const exports = createExportService({ pool });
  const guards = createGuards({ tokens, sessions, findRole: members.findRole });
  const limits = createRateLimiters(config.rateLimit, platform.rateLimitStore);

  const authenticated = [guards.requireAuth, limits.api];
  const mounts: Mount[] = [
    { prefix: '/api/v1/health', router: healthRouter({ pool, platform, lifecycle }) },
    {
      prefix: '/api/v1/auth',
      router: authRouter({
        auth,
        guards,
        limits,
        secureCookies: config.env === 'production',
      }),
    },
    { prefix: '/api/v1/stores', before: authenticated, router: storesRouter({ stores, guards }) },
    { prefix: '/api/v1/stores/:storeId', router: membersRouter({ members, guards }) },
    {
      prefix: '/api/v1/stores/:storeId/categories',
      router: categoriesRouter({ categories, guards }),
    },
    {
      prefix: '/api/v1/stores/:storeId/suppliers',
      router: suppliersRouter({ suppliers, products, guards }),
    },
    {
      prefix: '/api/v1/stores/:storeId/products',
      router: importExportRouter({ imports, exports, guards, idempotent, heavy: limits.heavy }),
    },
    {
      prefix: '/api/v1/stores/:storeId/products',
      router: productsRouter({ products, stock, guards, idempotent }),
    },
    { prefix: '/api/v1/stores/:storeId/jobs', router: jobsRouter({ jobs, guards }) },
    { prefix: '/api/v1/stores/:storeId/sales', router: salesRouter({ sales, guards, idempotent }) },
    { prefix: '/api/v1/stores/:storeId/analytics', router: analyticsRouter({ analytics, guards }) },
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestId, requestLog(log, metrics));
  app.use(
    helmet({
      // No upgrade-insecure-requests: on a LAN over plain http (a tablet opening the back-office
      // PC by IP) it rewrites the SPA's scripts to https and leaves a blank page. TLS belongs to
      // the proxy in front; HSTS still tells browsers to stay on https once they got there.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  const allowed = new Set(config.corsOrigins);
  app.use(
    cors({ origin: (origin, cb) => cb(null, !origin || allowed.has(origin)), credentials: true }),
  );
  app.use(compression({ threshold: 1024 }));
  app.use(cookieParser());
  app.use(jsonBody);

  for (const m of mounts) {
    const tag: RequestHandler = (req, _res, next) => {
      req.routeTemplate = m.prefix;
      next();
    };
    app.use(m.prefix, tag, ...(m.before ?? []), m.router);
  }
  // On the API's port only with a token; with METRICS_PORT, main serves it on its own listener.
  const scrape = metricsEndpoint(metrics, config.metrics.token);
  if (config.metrics.token && config.metrics.port === undefined) app.get('/metrics', scrape);
  app.use('/api-docs', docsRouter());
  app.use('/api', notFound);
  serveSpa(app, config.webDist);
  app.use(notFound);
  app.use(errorHandler(log));

  return {
    app,
    services: {
      auth,
      stores,
      members,
      categories,
      suppliers,
      products,
      stock,
      sales,
      analytics,
      jobs,
      storeCache,
      log,
    },
    routes: () => listRoutes(mounts),
    /** The scrape endpoint, for a listener of its own (METRICS_PORT). */
    metrics: scrape,
  };
}

function serveSpa(app: express.Express, dist: string) {
  if (!existsSync(path.join(dist, 'index.html'))) return;
  app.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, file) => {
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  // Client-side routes: any other GET that wants HTML gets the app shell.
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dist, 'index.html'));
  });
}

export interface RegisteredRoute {
  method: string;
  path: string;
  /** Query parameters its validation accepts (none when it validates no query). */
  query: readonly string[];
  /** Body fields its validation accepts, when it validates an object body. */
  body?: readonly string[];
}

/** Every route the API registers, as OpenAPI paths: the contract test compares them. */
function listRoutes(mounts: Mount[]): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  for (const m of mounts) {
    for (const layer of (m.router as unknown as { stack: RouteLayer[] }).stack) {
      if (!layer.route) continue;
      const full = (m.prefix + (layer.route.path === '/' ? '' : layer.route.path)).replace(
        /:(\w+)/g,
        '{$1}',
      );
      const query = layer.route.stack.flatMap((l) => l.handle.queryKeys ?? []);
      const body = layer.route.stack.find((l) => l.handle.bodyKeys)?.handle.bodyKeys;
      for (const method of Object.keys(layer.route.methods))
        out.push({ method, path: full, query, ...(body ? { body } : {}) });
    }
  }
  return out;
}

interface RouteLayer {
  route?: {
    path: string;
    methods: Record<string, boolean>;
    stack: Array<{ handle: { queryKeys?: readonly string[]; bodyKeys?: readonly string[] } }>;
  };
}
