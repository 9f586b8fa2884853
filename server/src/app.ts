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
import { routes, type RegisteredRoute, type RouteDeps } from './http/route';
import { createRateLimiters } from './http/rate-limits';
import { requestId } from './http/request-id';
import { requestLog } from './http/request-log';
import { capUnreadBody } from './http/unread-body';
import './http/request-types';
import type { Logger } from './logger';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes';
import { analyticsRoutes } from './modules/analytics/analytics.routes';
import { AUTH_PATH, authRoutes } from './modules/auth/auth.routes';
import { profileRoutes } from './modules/auth/profile.routes';
import { categoriesRoutes } from './modules/categories/categories.routes';
import { eventsRoutes } from './modules/events/events.routes';
import { forecastingRoutes } from './modules/forecasting/forecasting.routes';
import { healthRoutes, rootHealthRoutes, type Lifecycle } from './modules/health/health.routes';
import { inventoryRoutes } from './modules/inventory/inventory.routes';
import { countSessionRoutes } from './modules/inventory/count-sessions/count-sessions.routes';
import { invoicesRoutes } from './modules/invoices/invoices.routes';
import { jobsRoutes } from './modules/jobs/jobs.routes';
import { importExportRoutes } from './modules/products/import/import.routes';
import { productImageRoutes } from './modules/products/product-image.routes';
import { productsRoutes } from './modules/products/products.routes';
import { productSyncRoutes } from './modules/products/sync/product-sync.routes';
import { labelsRoutes } from './modules/labels/labels.routes';
import { transfersRoutes } from './modules/transfers/transfers.routes';
import { purchasingRoutes } from './modules/purchasing/purchasing.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { salesRoutes } from './modules/sales/sales.routes';
import { checkoutRoutes } from './modules/sales/checkout/checkout.routes';
import { approvalsRoutes } from './modules/sales/approvals/approvals.routes';
import { shoppingListsRoutes } from './modules/shopping-lists/shopping-lists.routes';
import { invitationLinkRoutes, membersRoutes } from './modules/stores/members.routes';
import { alertsRoutes } from './modules/alerts/alerts.routes';
import { meRoutes, notificationsRoutes } from './modules/notifications/notifications.routes';
import { schedulesRoutes } from './modules/schedules/schedules.routes';
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

const STORE = '/api/v1/stores/:storeId';
const HEALTH = '/api/v1/health';
const ROOT_HEALTH = '/health';

/** The HTTP app: middleware, routes and errors over the services. No listen(); tests import it. */
export function createApp({ config, log, services, pool, lifecycle }: AppDeps) {
  const metrics = createMetrics();
  const guards = createGuards({
    authenticate: (token) => services.auth.authenticate(token),
    keys: services.apiKeys,
    findRole: services.members.findRole,
    assertUser: (userId) => services.auth.assertUser(userId),
  });
  const limits = createRateLimiters(config.rateLimit, services.platform.rateLimitStore);
  const deps: RouteDeps = {
    guards,
    idempotency: idempotency(pool),
    heavy: createHeavy(config.heavy, limits.heavy),
    programmingError:
      config.env === 'production'
        ? (message) => log.error('programming error', { error: message })
        : (message) => {
            throw new Error(message);
          },
  };
  const signedIn = [guards.requireAuth, limits.api];

  // Open to anyone: the probes, and signing up and in (`me` and a password change sign the
  // caller in per route, after the per-IP limit).
  const health = Router();
  const probes = routes(health, deps, HEALTH);
  healthRoutes(probes, {
    health: services.health,
    lifecycle: lifecycle ?? { shuttingDown: false },
  });
  const rootHealth = Router();
  const rootProbe = routes(rootHealth, deps, ROOT_HEALTH);
  rootHealthRoutes(rootProbe, {
    health: services.health,
    lifecycle: lifecycle ?? { shuttingDown: false },
  });
  const auth = Router();
  const accounts = routes(auth, deps, AUTH_PATH, signedIn);
  authRoutes(accounts, {
    auth: services.auth,
    limits,
    secureCookies: config.env === 'production',
  });
  invitationLinkRoutes(accounts, { members: services.members, limits });

  // Every route of a store is on this one router: authenticated and rate limited here, then
  // each route checks that the caller is a member with the permission it needs. The import
  // routes come before the products' `/products/:id`.
  const store = Router({ mergeParams: true });
  store.use(guards.requireAuthOrKey, limits.api);
  const r = routes(store, deps, STORE);
  storeRoutes(r, services);
  schedulesRoutes(r, services);
  alertsRoutes(r, services);
  membersRoutes(r, services);
  apiKeysRoutes(r, services);
  webhooksRoutes(r, services);
  categoriesRoutes(r, services);
  suppliersRoutes(r, services);
  importExportRoutes(r, { ...services, heavy: limits.heavy });
  productSyncRoutes(r, services);
  productsRoutes(r, services);
  productImageRoutes(r, services);
  inventoryRoutes(r, services);
  countSessionRoutes(r, services);
  salesRoutes(r, services);
  checkoutRoutes(r, services);
  approvalsRoutes(r, { ...services, limits });
  purchasingRoutes(r, services);
  labelsRoutes(r, services);
  transfersRoutes(r, services);
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

  // The caller's own things outside any store: notifications and their preferences.
  const inbox = Router();
  inbox.use(...signedIn);
  const notices = routes(inbox, deps, '/api/v1/notifications');
  notificationsRoutes(notices, services);
  const me = Router();
  me.use(...signedIn);
  const mySettings = routes(me, deps, '/api/v1/me');
  meRoutes(mySettings, services);
  profileRoutes(mySettings, { auth: services.auth, approvalPins: services.approvalPins, limits });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestId, requestLog(log, metrics), capUnreadBody);
  app.use(
    helmet({
      // No upgrade-insecure-requests: on a LAN over plain http (a tablet opening the back-office
      // PC by IP) it rewrites the SPA's scripts to https and leaves a blank page. TLS belongs to
      // the proxy in front; HSTS still tells browsers to stay on https once they got there.
      // 'wasm-unsafe-eval' lets WebAssembly compile (the till's camera barcode reader, ZXing
      // in wasm, where the browser has no BarcodeDetector) and nothing else: no JS eval.
      contentSecurityPolicy: {
        directives: {
          upgradeInsecureRequests: null,
          scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        },
      },
    }),
  );
  const allowed = new Set(config.corsOrigins);
  app.use(
    cors({ origin: (origin, cb) => cb(null, !origin || allowed.has(origin)), credentials: true }),
  );
  app.use(compression({ threshold: 1024 }));
  app.use(cookieParser());
  app.use(jsonBody);

  app.use(HEALTH, tag(HEALTH), health);
  app.use(ROOT_HEALTH, tag(ROOT_HEALTH), rootHealth);
  app.use(AUTH_PATH, tag(AUTH_PATH), auth);
  app.use(STORE, tag(STORE), store);
  app.use('/api/v1/stores', tag('/api/v1/stores'), stores);
  app.use('/api/v1/notifications', tag('/api/v1/notifications'), inbox);
  app.use('/api/v1/me', tag('/api/v1/me'), me);

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
      ...probes.registered(),
      ...rootProbe.registered(),
      ...accounts.registered(),
      ...r.registered(),
      ...mine.registered(),
      ...notices.registered(),
      ...mySettings.registered(),
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
