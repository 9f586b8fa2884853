import { readFileSync } from 'node:fs';
import { Client, type Pool } from 'pg';
import type { Config } from './config';
import type { StoreContext } from './core/context';
import type { Logger } from './logger';
import { createAnalyticsService } from './modules/analytics/analytics.service';
import { createApiKeysService } from './modules/api-keys/api-keys.service';
import { userReads } from './modules/auth/auth.reads';
import { createAuthService, registerAuthJobs } from './modules/auth/auth.service';
import { createSessions } from './modules/auth/sessions';
import { createAccessTokens, refreshSuccessor } from './modules/auth/tokens';
import { createCategoriesService } from './modules/categories/categories.service';
import { createEventFeed } from './modules/events/events.feed';
import { createEventHub } from './modules/events/events.hub';
import { createOutboxPublisher } from './modules/events/events.publisher';
import { createStoreWriter } from './modules/events/events.service';
import type { SocketCaller } from './modules/events/socket.connection';
import { createForecastingService } from './modules/forecasting/forecasting.service';
import { createHealthService } from './modules/health/health.service';
import { createInventoryService } from './modules/inventory/inventory.service';
import { createInvoicesService } from './modules/invoices/invoices.service';
import { createAlertsService } from './modules/alerts/alerts.service';
import { createJobsService } from './modules/jobs/jobs.service';
import { createNotificationMail } from './modules/notifications/notifications.mail';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createPushDelivery } from './modules/notifications/push.delivery';
import { webPushFromEnv, type WebPushSetup } from './modules/notifications/push.keys';
import { createPushService } from './modules/notifications/push.service';
import { createWeeklySummary } from './modules/notifications/weekly-summary';
import { createWebhookDelivery } from './modules/webhooks/webhooks.delivery';
import { createWebhooksService } from './modules/webhooks/webhooks.service';
import { weekFigures } from './weekly-figures';
import {
  createSchedulesService,
  type SchedulesService,
} from './modules/schedules/schedules.service';
import { storeTasks, systemTasks } from './schedule-tasks';
import { createReads, invoiceLookups, reorderSources } from './reads';
import { createExportService } from './modules/products/import/export.service';
import { createImportService } from './modules/products/import/import.service';
import { createProductsService } from './modules/products/products.service';
import { createProductSearch } from './modules/products/product-search';
import { purchasingReads } from './modules/purchasing/purchasing.reads';
import { createPurchasingService } from './modules/purchasing/purchasing.service';
import { createReportsService } from './modules/reports/reports.service';
import { createSalesService } from './modules/sales/sales.service';
import { createShoppingListsService } from './modules/shopping-lists/shopping-lists.service';
import { createMembersService } from './modules/stores/members.service';
import { storeReads } from './modules/stores/stores.reads';
import { createStoresService } from './modules/stores/stores.service';
import { supplierReads } from './modules/suppliers/suppliers.reads';
import { createSuppliersService } from './modules/suppliers/suppliers.service';
import { createFieldCipher } from './platform/field-cipher';
import type { Mailer } from './platform/mailer';
import { createOutbound } from './platform/outbound';
import type { Platform } from './platform/platform';
import { createStoreCache } from './platform/store-cache';

export interface ServiceDeps {
  config: Config;
  pool: Pool;
  platform: Platform;
  mailer: Mailer;
  log: Logger;
  jwtSecret: string;
  /** The origin of e-mailed links; default PUBLIC_URL (main passes the bound port's). */
  publicUrl?: () => string;
  /**
   * Readiness's own connections (two are plenty): a probe must not queue behind requests
   * that hold every connection of the main pool, or a busy replica reads as a dead one.
   */
  healthPool?: Pool;
  /**
   * Web Push as main set it up (`loadWebPush`: the environment's keys or DATA_DIR's); without
   * it, the environment's keys, else off.
   */
  webPush?: WebPushSetup;
}

/**
 * Every service, wired once and in one pass: a service is created after everything it is
 * given. What a module reads of another's tables it reads through that module's reads
 * (`<module>.reads.ts`: functions of a `Db` with no service behind them), built first, so
 * two modules that need each other's data never wait for each other's service. The HTTP
 * app, the job worker, the seed CLI and the bench take their services from here; nothing
 * here knows about Express.
 */
export function createServices(deps: ServiceDeps) {
  const { config, pool, platform, mailer, log } = deps;
  const publicUrl =
    deps.publicUrl ?? (() => config.publicUrl ?? `http://localhost:${config.port || 3000}`);

  const storeCache = createStoreCache(platform.cache, (err) =>
    log.warn('cache invalidation failed', { error: String(err) }),
  );
  const write = createStoreWriter(pool, storeCache);
  const eventHub = createEventHub(platform.bus);
  const jobs = createJobsService({ pool, log, write });

  const reads = createReads();
  const productReads = reads.products;
  /** The names views show of other modules' rows: products, suppliers, people. */
  const labels = {
    productLabels: productReads.labelsOf,
    supplierNames: supplierReads.namesOf,
    userNames: userReads.namesOf,
  };

  const stores = createStoresService({
    pool,
    cache: storeCache,
    assertUser: (userId) => userReads.assertExists(pool, userId),
    onDeleted: (storeId) =>
      eventHub.announceRemoval(storeId).catch((err) => {
        log.warn('store deletion not announced', { error: String(err) });
      }),
  });
  const apiKeys = createApiKeysService({ pool, userNames: userReads.namesOf, log });
  const members = createMembersService({
    pool,
    mailer,
    publicUrl,
    findUserByEmail: userReads.findByEmail,
    usersOf: userReads.byIds,
    onRemoved: (storeId, userId) =>
      Promise.all([
        eventHub.announceRemoval(storeId, userId),
        // A person who leaves takes the keys they made with them (an integrator asks again).
        apiKeys.revokeKeysOf(storeId, userId),
      ]).then(
        () => undefined,
        (err) => {
          log.warn('membership removal not fully handled', { error: String(err) });
        },
      ),
  });
  const auth = createAuthService({
    pool,
    tokens: createAccessTokens(deps.jwtSecret, config.accessTokenTtl),
    successorOf: refreshSuccessor(deps.jwtSecret),
    refreshReuseGraceSeconds: config.refreshReuseGraceSeconds,
    sessions: createSessions(pool, platform.cache, config.accessTokenTtl, (ids) =>
      eventHub.announceSessionsEnded(ids).catch((err) => {
        log.warn('session ending not announced', { error: String(err) });
      }),
    ),
    mailer,
    jobs,
    publicUrl,
    accessTokenTtl: config.accessTokenTtl,
    log,
    stores,
    members,
  });
  registerAuthJobs(jobs, auth);

  const timezoneOf = (ctx: Pick<StoreContext, 'storeId'>) => stores.timezoneOf(ctx.storeId);
  const categories = createCategoriesService({
    pool,
    write,
    productCounts: productReads.countsByCategory,
  });
  const suppliers = createSuppliersService({
    pool,
    write,
    cipher: createFieldCipher(config.encryptionKey ?? deps.jwtSecret),
    timezoneOf,
    productCounts: productReads.countsBySupplier,
    orders: purchasingReads,
  });
  const inventory = createInventoryService({
    pool,
    write,
    timezoneOf,
    productView: productReads.view,
    costEditsAround: productReads.costEditsAround,
  });
  const products = createProductsService({
    pool,
    write,
    cache: storeCache,
    categories,
    suppliers,
    inventory,
    reads: productReads,
    supplied: purchasingReads,
    userNames: userReads.namesOf,
  });
  const analytics = createAnalyticsService({ pool, cache: storeCache, stores });
  const productSearch = createProductSearch({
    pool,
    cache: storeCache,
    bestSellers: (ctx, limit) => analytics.bestSellers(ctx, limit),
  });
  const sales = createSalesService({
    pool,
    write,
    inventory,
    analytics,
    timezoneOf,
    saleBackdateDays: config.saleBackdateDays,
    timezoneIn: storeReads.timezoneIn,
    labels,
  });
  const purchasing = createPurchasingService({
    pool,
    write,
    inventory,
    suppliers,
    timezoneOf,
    timezoneIn: storeReads.timezoneIn,
    productFacts: productReads.orderingFacts,
    labels,
  });
  const shoppingLists = createShoppingListsService({
    pool,
    write,
    timezoneOf,
    createOrdersInTx: (tx, emit, ctx, orders) => purchasing.createOrdersInTx(tx, emit, ctx, orders),
    takeOrderNumber: (storeId) => purchasing.takeOrderNumber(storeId),
    onOrderFor: (db, storeId, productIds, until) =>
      purchasing.onOrderFor(db, storeId, productIds, until),
    lastStockInDays: (db, storeId, tz, productIds) =>
      inventory.lastStockInDays(db, storeId, tz, productIds),
    orderingFacts: (db, storeId, ids) => products.orderingFacts(db, storeId, ids),
    sources: reorderSources(reads),
  });
  const imports = createImportService({
    write,
    jobs,
    categories,
    suppliers,
    inventory,
    refreshStatistics: () =>
      pool.query('ANALYZE products').then(
        () => undefined,
        (err: Error) => {
          log.warn('ANALYZE products after an import failed', { error: err.message });
        },
      ),
  });
  const exports = createExportService({ pool, named: productReads.named });
  const invoices = createInvoicesService({
    pool,
    write,
    timezoneOf,
    suppliers,
    purchasing,
    lookups: invoiceLookups(reads),
    ocr: config.ocr,
    setCost: (tx, emit, ctx, id, cost, reason) =>
      products.setCostInTx(tx, emit, ctx, id, cost, reason),
  });
  const forecasting = createForecastingService({
    pool,
    sources: reads.forecastSources,
    jobs,
    timezoneOf,
    onOrderFor: (db, storeId, productIds, until) =>
      purchasing.onOrderFor(db, storeId, productIds, until),
    firstMovementDays: (db, storeId, tz, productIds) =>
      inventory.firstMovementDays(db, storeId, tz, productIds),
    lastStockInDays: (db, storeId, tz, productIds) =>
      inventory.lastStockInDays(db, storeId, tz, productIds),
    assessReorder: (db, storeId, tz, today, productIds, criteria) =>
      shoppingLists.assessReorder(db, storeId, tz, today, productIds, criteria),
    log,
    recalculateMinIntervalSeconds: config.recalculateMinIntervalSeconds,
  });
  const reports = createReportsService({
    pool,
    jobs,
    suppliers,
    timezoneOf: (storeId) => stores.timezoneOf(storeId),
  });
  const alerts = createAlertsService({
    pool,
    write,
    jobs,
    reads: {
      lowOrOut: reads.inventory.lowOrOut,
      inStock: reads.inventory.inStock,
      named: reads.inventory.activeNames,
      sellingRates: reads.forecasting.sellingRates,
      notableAnomalies: reads.forecasting.notableAnomalies,
      onOrder: async (db, storeId, ids) =>
        new Map(
          [...(await purchasing.onOrderFor(db, storeId, ids))].map(([id, o]) => [id, o.quantity]),
        ),
      expiringBy: reads.inventory.expiringBy,
      lateOrders: reads.purchasing.lateOrders,
      dueInvoices: reads.invoices.dueInvoices,
      disabledWebhooks: reads.webhooks.disabledByFailures,
      failingJobs: async (db, storeId) => {
        const named = jobs.announced();
        const failing = await reads.jobs.failing(db, storeId, [...named.keys()]);
        return failing.map((j) => ({ ...j, what: named.get(j.type) ?? j.type }));
      },
    },
    timezoneOf: (storeId) => stores.timezoneOf(storeId),
    log,
  });
  const notificationMail = createNotificationMail({
    pool,
    jobs,
    mailer,
    usersOf: userReads.byIds,
    membersOf: reads.stores.membersOf,
    membershipsOfUser: reads.stores.membershipsOfUser,
    publicUrl,
    log,
  });
  const webPush = deps.webPush ??
    webPushFromEnv(config) ?? { enabled: false, reason: 'Web Push is off: no VAPID keys' };
  const outbound = createOutbound({
    allowPrivate: config.outbound.allowPrivate,
    ca: config.outbound.caFile ? readFileSync(config.outbound.caFile, 'utf8') : undefined,
  });
  const push = createPushService({ pool, setup: webPush, outbound });
  const pushDelivery = createPushDelivery({
    pool,
    jobs,
    setup: webPush,
    outbound,
    membershipsOfUser: reads.stores.membershipsOfUser,
    log,
  });
  const fieldCipher = createFieldCipher(config.encryptionKey ?? deps.jwtSecret);
  // The same guard as Web Push's, with the webhooks' own deadline.
  const webhookOutbound = createOutbound({
    allowPrivate: config.outbound.allowPrivate,
    ca: config.outbound.caFile ? readFileSync(config.outbound.caFile, 'utf8') : undefined,
    timeoutMs: config.webhooks.timeoutMs,
  });
  const checkWebhookAlerts = (storeId: string) => {
    alerts.runCheck(storeId, 'webhooks').catch((err) => {
      log.warn('webhook alert check failed', { storeId, error: String(err) });
    });
  };
  const webhooks = createWebhooksService({
    pool,
    jobs,
    outbound: webhookOutbound,
    cipher: fieldCipher,
    config: config.webhooks,
    onStateChanged: checkWebhookAlerts,
    log,
  });
  createWebhookDelivery({
    pool,
    jobs,
    outbound: webhookOutbound,
    cipher: fieldCipher,
    config: config.webhooks,
    onDisabled: checkWebhookAlerts,
    log,
  });
  const weeklySummary = createWeeklySummary({
    pool,
    jobs,
    mailer,
    usersOf: userReads.byIds,
    membersOf: reads.stores.membersOf,
    figures: weekFigures({ pool, reads, analytics, alerts }),
    publicUrl,
    log,
  });
  const notifications = createNotificationsService({
    pool,
    membersOf: reads.stores.membersOf,
    membershipsOfUser: reads.stores.membershipsOfUser,
    onImmediateMail: (userIds) => notificationMail.queueImmediate(userIds),
    pushTargets: (userIds) => push.targets(userIds),
    onPush: (byUser) => pushDelivery.queue(byUser),
    log,
  });
  const outboxPublisher = createOutboxPublisher({
    connect: () =>
      new Client({
        connectionString: pool.options.connectionString,
        application_name: 'nimbus-outbox',
      }),
    bus: platform.bus,
    log,
    pollMs: config.outbox.pollMs,
    onPublished: async (events) => {
      alerts.afterEvents(events);
      await notifications.afterEvents(events);
      await webhooks.afterEvents(events);
    },
  });
  const events = createEventFeed({ pool, retentionDays: config.outbox.retentionDays });
  const schedules: SchedulesService = createSchedulesService({
    pool,
    jobs,
    tasks: storeTasks({ forecasting, alerts, notificationMail, weeklySummary }),
    system: systemTasks({
      pool,
      events,
      auth,
      alerts,
      notifications,
      jobs,
      webhooks,
      schedules: () => schedules,
    }),
    stores: (db) => reads.stores.scheduled(db),
    timezoneOf: (storeId) => stores.timezoneOf(storeId),
    nudge: () => jobs.nudge(),
    log,
  });
  const health = createHealthService({ pool: deps.healthPool ?? pool, platform, webPush });

  return {
    auth,
    apiKeys,
    webhooks,
    stores,
    members,
    categories,
    suppliers,
    products,
    productSearch,
    inventory,
    sales,
    purchasing,
    shoppingLists,
    analytics,
    forecasting,
    alerts,
    notifications,
    notificationMail,
    push,
    weeklySummary,
    schedules,
    reports,
    imports,
    exports,
    invoices,
    jobs,
    health,
    events,
    /** The WebSocket's sign-in: a person's access token, or an API key. */
    authenticateSocket: (token: string): Promise<SocketCaller> =>
      apiKeys.isKeyToken(token) ? apiKeys.authenticate(token) : auth.authenticateUntil(token),
    /** This process's end of the event bus (the WebSocket's subscriptions). */
    eventHub,
    /** Publishes committed outbox events; main starts it (one leads across processes). */
    outboxPublisher,
    storeCache,
    /** Shared state the HTTP layer needs too: rate-limit counters. */
    platform,
    log,
  };
}

export type Services = ReturnType<typeof createServices>;
