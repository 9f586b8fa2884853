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
import { categoryReads } from './modules/categories/categories.reads';
import { createCategoriesService } from './modules/categories/categories.service';
import { createEventFeed } from './modules/events/events.feed';
import { createEventHub } from './modules/events/events.hub';
import { createOutboxPublisher } from './modules/events/events.publisher';
import { createStoreWriter } from './modules/events/events.service';
import type { SocketCaller } from './modules/events/socket.connection';
import { createForecastReads } from './modules/forecasting/forecasting.reads';
import { createForecastingService } from './modules/forecasting/forecasting.service';
import type { ForecastSources } from './modules/forecasting/sources';
import { createHealthService } from './modules/health/health.service';
import { createInventoryService } from './modules/inventory/inventory.service';
import { createInvoicesService } from './modules/invoices/invoices.service';
import { invoiceReads } from './modules/invoices/invoices.reads';
import type { LookupsPort } from './modules/invoices/lookups-port';
import { createAlertsService } from './modules/alerts/alerts.service';
import { inventoryReads } from './modules/inventory/inventory.reads';
import { createJobsService } from './modules/jobs/jobs.service';
import { createNotificationMail } from './modules/notifications/notifications.mail';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createSchedulesService } from './modules/schedules/schedules.service';
import { createExportService } from './modules/products/import/export.service';
import { createImportService } from './modules/products/import/import.service';
import { createProductReads } from './modules/products/products.reads';
import { createProductsService } from './modules/products/products.service';
import { createProductSearch } from './modules/products/product-search';
import { purchasingReads } from './modules/purchasing/purchasing.reads';
import { createPurchasingService } from './modules/purchasing/purchasing.service';
import { createReportsService } from './modules/reports/reports.service';
import { salesReads } from './modules/sales/sales.reads';
import { createSalesService } from './modules/sales/sales.service';
import type { ReorderSources } from './modules/shopping-lists/reorder-sources';
import { createShoppingListsService } from './modules/shopping-lists/shopping-lists.service';
import { createMembersService } from './modules/stores/members.service';
import { storeReads } from './modules/stores/stores.reads';
import { createStoresService } from './modules/stores/stores.service';
import { supplierReads } from './modules/suppliers/suppliers.reads';
import { createSuppliersService } from './modules/suppliers/suppliers.service';
import { createFieldCipher } from './platform/field-cipher';
import type { Mailer } from './platform/mailer';
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
}

/**
 * Every module's reads (`<module>.reads.ts`): what other modules may read of its tables, as
 * functions of a `Db` with no service behind them. Built before any service, so a module that
 * needs another's data gets it whatever the order the services are created in. Tests and the
 * bench that call a module's functions directly take them from here too.
 */
export function createReads() {
  const products = createProductReads({
    categoryNames: categoryReads.namesOf,
    supplierNames: supplierReads.namesOf,
  });
  const sources: ForecastSources = {
    salesByDay: salesReads.salesByDay,
    products,
    categories: categoryReads,
    suppliers: supplierReads,
    measuredLeadTimes: purchasingReads.measuredLeadTimes,
    costIncreases: invoiceReads.costIncreases,
    timezoneIn: storeReads.timezoneIn,
  };
  return {
    users: userReads,
    stores: storeReads,
    categories: categoryReads,
    suppliers: supplierReads,
    products,
    inventory: inventoryReads,
    purchasing: purchasingReads,
    sales: salesReads,
    invoices: invoiceReads,
    /** What forecasts are made from (forecasting/sources.ts). */
    forecastSources: sources,
    forecasting: createForecastReads(sources),
  };
}

export type Reads = ReturnType<typeof createReads>;

/** What reorder lists read of other modules (shopping-lists/reorder-sources.ts). */
export function reorderSources(reads: Reads): ReorderSources {
  return {
    products: reads.products,
    productsOfSuppliers: reads.purchasing.productsOfSuppliers,
    supplierItems: reads.purchasing.supplierItems,
    orders: reads.purchasing.ordersOf,
    suppliers: reads.suppliers,
    categories: reads.categories,
    userNames: reads.users.namesOf,
    expectedDailyDemand: reads.forecasting.expectedDailyDemand,
    leadTimes: reads.forecasting.leadTimes,
  };
}

/**
 * What invoices read of other modules (invoices/lookups-port.ts). A function declaration: an
 * exported const would be read as `exports.…` inside createServices, whose `exports` is the
 * export service.
 */
export function invoiceLookups(reads: Reads): LookupsPort {
  return {
    products: reads.products,
    lastCosts: reads.purchasing.lastCosts,
    productsBySupplierSku: reads.purchasing.productsBySupplierSku,
    orderNumbers: reads.purchasing.orderNumbersOf,
    supplierNames: reads.suppliers.namesOf,
    userNames: reads.users.namesOf,
  };
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
  const jobs = createJobsService({ pool, log });

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
    sessions: createSessions(pool, platform.cache, config.accessTokenTtl),
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
  const notifications = createNotificationsService({
    pool,
    membersOf: reads.stores.membersOf,
    membershipsOfUser: reads.stores.membershipsOfUser,
    onImmediateMail: (userIds) => notificationMail.queueImmediate(userIds),
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
    retentionDays: config.outbox.retentionDays,
    onPublished: async (events) => {
      alerts.afterEvents(events);
      await notifications.afterEvents(events);
    },
  });
  const schedules = createSchedulesService({
    pool,
    tasks: [
      {
        task: 'forecasts',
        title: 'Forecasts and anomalies',
        cadence: 'daily',
        defaultAt: '02:00',
        run: (tx, storeId) => forecasting.queueScheduled(tx, storeId),
      },
      {
        task: 'expiry',
        title: 'Expiring and expired stock',
        cadence: 'daily',
        defaultAt: '06:00',
        run: (tx, storeId) => alerts.queueCheck(tx, storeId, 'expiry'),
      },
      {
        task: 'digest',
        title: 'Daily e-mail digest of new alerts',
        cadence: 'daily',
        defaultAt: '07:00',
        run: (tx, storeId) => notificationMail.queueDigest(tx, storeId),
      },
      {
        task: 'stock',
        title: 'Stock: low, out, running out, unusual demand',
        cadence: 'daily',
        defaultAt: '08:00',
        run: (tx, storeId) => alerts.queueCheck(tx, storeId, 'stock'),
      },
      {
        task: 'purchasing',
        title: 'Late deliveries and invoices due',
        cadence: 'daily',
        defaultAt: '09:00',
        run: (tx, storeId) => alerts.queueCheck(tx, storeId, 'purchasing'),
      },
    ],
    stores: (db) => reads.stores.scheduled(db),
    timezoneOf: (storeId) => stores.timezoneOf(storeId),
    nudge: () => jobs.nudge(),
    log,
  });
  const health = createHealthService({ pool: deps.healthPool ?? pool, platform });
  const events = createEventFeed({ pool });

  return {
    auth,
    apiKeys,
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
