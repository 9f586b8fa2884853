import path from 'node:path';
import { existsSync } from 'node:fs';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { Router, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Pool } from 'pg';
import type { Services } from './composition';
import type { Config } from './config';
import { jsonBody } from './http/body';
import { errorHandler, notFound } from './http/error-handler';
import { createGuards } from './http/guards';
import { createHeavy } from './http/heavy';
import { idempotency } from './http/idempotency';
import { routes, type RegisteredRoute } from './http/route';
import { createRateLimiters } from './http/rate-limits';
import { requestId } from './http/request-id';
import { requestLog } from './http/request-log';
import { capUnreadBody } from './http/unread-body';
import './http/request-types';
import type { Logger } from './logger';
import { analyticsRoutes } from './modules/analytics/analytics.routes';
import { authRouter } from './modules/auth/auth.routes';
import { categoriesRoutes } from './modules/categories/categories.routes';
import { eventsRoutes } from './modules/events/events.routes';
import { forecastingRoutes } from './modules/forecasting/forecasting.routes';
import { healthRouter, type Lifecycle } from './modules/health/health.routes';
import { inventoryRoutes } from './modules/inventory/inventory.routes';
import { invoicesRoutes } from './modules/invoices/invoices.routes';
import { jobsRoutes } from './modules/jobs/jobs.routes';
import { importExportRoutes } from './modules/products/import/import.routes';
import { productsRoutes } from './modules/products/products.routes';
import { purchasingRoutes } from './modules/purchasing/purchasing.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { salesRoutes } from './modules/sales/sales.routes';
import { shoppingListsRoutes } from './modules/shopping-lists/shopping-lists.routes';
import { membersRoutes } from './modules/stores/members.routes';
import { storeRoutes, storesRoutes } from './modules/stores/stores.routes';
import { suppliersRoutes } from './modules/suppliers/suppliers.routes';
import { docsRouter } from './ops/docs';
import { createMetrics, metricsEndpoint } from './ops/metrics';

export interface AppDeps {
  config: Config;
  log: Logger;
  services: Services;
  /** Where Idempotency-Keys are claimed (the requests' own table). */
  pool: Pool;
  lifecycle?: Lifecycle;
}

interface Mount {
  prefix: string;
  router: Router;
}

const STORE = '/api/v1/stores/:storeId';

/** The HTTP app: middleware, routes and errors over the services. No listen(); tests import it. */
export function createApp({ config, log, services, pool, lifecycle }: AppDeps) {
  const metrics = createMetrics();
  const guards = createGuards({
    authenticate: (token) => services.auth.authenticate(token),
    findRole: services.members.findRole,
    assertUser: (userId) => services.auth.assertUser(userId),
  });
  const limits = createRateLimiters(config.rateLimit, services.platform.rateLimitStore);
  const deps = {
    guards,
    idempotency: idempotency(pool),
    heavy: createHeavy(config.heavy, limits.heavy),
  };
  const signedIn = [guards.requireAuth, limits.api];

  // Every route of a store is on this one router: authenticated and rate limited here, then
  // each route checks that the caller is a member with the permission it needs. The import
  // routes come before the products' `/products/:id`.
  const store = Router({ mergeParams: true });
  store.use(...signedIn);
  const r = routes(store, deps, STORE);
  storeRoutes(r, services);
  membersRoutes(r, services);
  categoriesRoutes(r, services);
  suppliersRoutes(r, services);
  importExportRoutes(r, { ...services, heavy: limits.heavy });
  productsRoutes(r, services);
  inventoryRoutes(r, services);
  salesRoutes(r, services);
  purchasingRoutes(r, services);
  invoicesRoutes(r, { ...services, heavy: limits.heavy });
  shoppingListsRoutes(r, services);
  analyticsRoutes(r, services);
  reportsRoutes(r, services);
  jobsRoutes(r, services);
  eventsRoutes(r, services);
  forecastingRoutes(r, services);
  store.use(notFound);

  const stores = Router();
  stores.use(...signedIn);
  const mine = routes(stores, deps, '/api/v1/stores');
  storesRoutes(mine, services);

  const mounts: Mount[] = [
    {
      prefix: '/api/v1/health',
      router: healthRouter({
        health: services.health,
        lifecycle: lifecycle ?? { shuttingDown: false },
      }),
    },
    {
      prefix: '/api/v1/auth',
      router: authRouter({
        auth: services.auth,
        guards,
        limits,
        secureCookies: config.env === 'production',
      }),
    },
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestId, requestLog(log, metrics), capUnreadBody);
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

  for (const m of mounts) app.use(m.prefix, tag(m.prefix), m.router);
  app.use(STORE, tag(STORE), store);
  app.use('/api/v1/stores', tag('/api/v1/stores'), stores);

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
    /** Every route the API registers, as OpenAPI paths: the contract tests compare them. */
    routes: (): RegisteredRoute[] => [
      ...listRoutes(mounts),
      ...r.registered(),
      ...mine.registered(),
    ],
    /** The scrape endpoint, for a listener of its own (METRICS_PORT). */
    metrics: scrape,
  };
}

/** The route template (never the raw path) of what follows, for logs and metrics. */
function tag(prefix: string): RequestHandler {
  return (req, _res, next) => {
    req.routeTemplate = prefix;
    next();
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

/** The routes of plain Express routers (health, auth), as OpenAPI paths. */
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
