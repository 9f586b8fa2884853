import { Client, type Pool } from 'pg';
import type { Config } from './config';
import type { StoreContext } from './core/context';
import type { Logger } from './logger';
import { createAnalyticsService } from './modules/analytics/analytics.service';
import { userReads } from './modules/auth/auth.reads';
import { createCategoriesService } from './modules/categories/categories.service';
import { createEventFeed } from './modules/events/events.feed';
import { createEventHub } from './modules/events/events.hub';
import { createOutboxPublisher } from './modules/events/events.publisher';
import { createStoreWriter } from './modules/events/events.service';
import { createForecastingService } from './modules/forecasting/forecasting.service';
import { createHealthService } from './modules/health/health.service';
import { createInventoryService } from './modules/inventory/inventory.service';
import { createCountSessions } from './modules/inventory/count-sessions/count-sessions.service';
import { fileStorageFrom } from './modules/files/files-storage';
import { createFilesService } from './modules/files/files.service';
import { createProductImages } from './modules/products/product-image';
import type { FileStorage } from './platform/file-storage';
import { createInvoicesService } from './modules/invoices/invoices.service';
import { createJobsService } from './modules/jobs/jobs.service';
import { createSchedules } from './schedule-tasks';
import { createIntegrations, outboundFrom } from './integrations';
import { createIdentity } from './identity';
import { createNotify } from './notify';
import type { WebPushSetup } from './modules/notifications/push.keys';
import { createReads, invoiceLookups, reorderSources } from './reads';
import { createExportService } from './modules/products/import/export.service';
import { createImportService } from './modules/products/import/import.service';
import { createProductSync } from './modules/products/sync/product-sync.service';
import { createProductsService } from './modules/products/products.service';
import { createProductSearch } from './modules/products/product-search';
import { purchasingReads } from './modules/purchasing/purchasing.reads';
import { createPurchasingService } from './modules/purchasing/purchasing.service';
import { createReportsService } from './modules/reports/reports.service';
import { createSalesService } from './modules/sales/sales.service';
import { createApprovalsService } from './modules/sales/approvals/approvals.service';
import { createLabelsService } from './modules/labels/labels.service';
import { createTransfersService } from './modules/transfers/transfers.service';
import { createCheckoutService } from './modules/sales/checkout/checkout.service';
import { productsNamedBy } from './modules/sales/checkout/sale-search';
import { createReceiptMail } from './modules/sales/receipt-mail/receipt-mail';
import { createShoppingListsService } from './modules/shopping-lists/shopping-lists.service';
import { storeReads } from './modules/stores/stores.reads';
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
  /**
   * Web Push as main set it up (`loadWebPush`: the environment's keys or DATA_DIR's); without
   * it, the environment's keys, else off.
   */
  webPush?: WebPushSetup;
  /** Where uploaded files live; default from the config (S3 when set, else DATA_DIR/files). */
  fileStorage?: FileStorage;
}

/**
 * Every service, wired once and in one pass: a service is created after everything it is
 * given (so its functions are passed as they are: none uses `this`). What a module reads of
 * another's tables it reads through that module's reads (`<module>.reads.ts`: functions of a
 * `Db` with no service behind them), built first, so two modules that need each other's data
 * never wait for each other's service. The HTTP app, the job worker, the seed CLI and the
 * bench take their services from here; nothing here knows about Express.
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
  const files = createFilesService({
    pool,
    storage: deps.fileStorage ?? fileStorageFrom(config),
    log,
    maxBytes: config.files.maxBytes,
    maxImagePixels: config.files.maxImagePixels,
    retentionDays: config.files.retentionDays,
  });
  const productReads = reads.products;
  /** The names views show of other modules' rows: products, suppliers, people. */
  const labels = {
    productLabels: productReads.labelsOf,
    supplierNames: supplierReads.namesOf,
    userNames: userReads.namesOf,
  };

  const identity = createIdentity({
    config,
    pool,
    platform,
    mailer,
    jwtSecret: deps.jwtSecret,
    publicUrl,
    storeCache,
    eventHub,
    jobs,
    files,
    log,
  });
  const { stores, auth } = identity;

  const timezoneOf = (ctx: Pick<StoreContext, 'storeId'>) => stores.timezoneOf(ctx.storeId);
  /** Secrets kept in the database (supplier credentials, webhook secrets) are sealed with it. */
  const cipher = createFieldCipher(config.encryptionKey ?? deps.jwtSecret);
  const categories = createCategoriesService({
    pool,
    write,
    productCounts: productReads.countsByCategory,
  });
  const suppliers = createSuppliersService({
    pool,
    write,
    cipher,
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
  const countSessions = createCountSessions({
    pool,
    write,
    categoryName: async (db, storeId, id) => (await reads.categories.find(db, storeId, id))?.name,
    storeName: async (storeId) => (await storeReads.profileIn(pool, storeId))?.name,
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
    files,
  });
  const productImages = createProductImages({
    pool,
    write,
    files,
    get: (ctx, id) => products.get(ctx, id),
  });
  const analytics = createAnalyticsService({ pool, cache: storeCache, stores });
  const productSearch = createProductSearch({
    pool,
    cache: storeCache,
    bestSellers: (ctx, limit) => analytics.bestSellers(ctx, limit),
    productImages: reads.files.productImages,
  });
  const checkout = createCheckoutService({
    pool,
    write,
    existingCategories: reads.categories.existing,
    existingProducts: productReads.existing,
  });
  const approvals = createApprovalsService({
    pool,
    pins: identity.approvalPins,
    membersOf: storeReads.membersOf,
    userNames: userReads.namesOf,
  });
  const sales = createSalesService({
    approvals,
    pool,
    write,
    inventory,
    timezoneOf,
    saleBackdateDays: config.saleBackdateDays,
    timezoneIn: storeReads.timezoneIn,
    labels,
    productsNamed: productsNamedBy(productReads.matching),
  });
  const receiptMail = createReceiptMail({
    pool,
    mailer,
    log,
    get: sales.get,
    storeProfile: storeReads.profileIn,
    settings: checkout.settings,
    budget: platform.rateLimitStore('receipt-mail'),
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
    sending: {
      mailer,
      log,
      storeProfile: storeReads.profileIn,
      storeAddress: reads.sales.storeAddress,
      supplierContact: supplierReads.contactOf,
    },
  });
  const labelPrinting = createLabelsService({
    pool,
    labelsOf: productReads.shelfLabelsOf,
    receipts: purchasing.receipts,
    storeOf: (storeId) => storeReads.profileIn(pool, storeId),
  });
  const transfers = createTransfersService({
    pool,
    write,
    inventory,
    products: productReads,
    stores: storeReads,
  });
  const shoppingLists = createShoppingListsService({
    pool,
    write,
    timezoneOf,
    createOrdersInTx: purchasing.createOrdersInTx,
    takeOrderNumber: purchasing.takeOrderNumber,
    onOrderFor: purchasing.onOrderFor,
    lastStockInDays: inventory.lastStockInDays,
    orderingFacts: products.orderingFacts,
    sources: reorderSources(reads),
  });
  const productSync = createProductSync({ write, categories, suppliers, inventory });
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
    setCost: products.setCostInTx,
    files,
    ocr: config.ocr,
  });
  const forecasting = createForecastingService({
    pool,
    sources: reads.forecastSources,
    jobs,
    timezoneOf,
    onOrderFor: purchasing.onOrderFor,
    firstMovementDays: inventory.firstMovementDays,
    lastStockInDays: inventory.lastStockInDays,
    assessReorder: shoppingLists.assessReorder,
    log,
    recalculateMinIntervalSeconds: config.recalculateMinIntervalSeconds,
  });
  const reports = createReportsService({
    pool,
    zeroStockDays: reads.inventory.zeroStockDays,
    jobs,
    suppliers,
    timezoneOf: (storeId) => stores.timezoneOf(storeId),
  });
  const telling = createNotify({
    config,
    pool,
    write,
    jobs,
    mailer,
    reads,
    analytics,
    onOrder: async (db, storeId, ids) =>
      new Map(
        [...(await purchasing.onOrderFor(db, storeId, ids))].map(([id, o]) => [id, o.quantity]),
      ),
    timezoneOf: (storeId) => stores.timezoneOf(storeId),
    webPush: deps.webPush,
    outbound: outboundFrom(config),
    publicUrl,
    log,
  });
  const { alerts, notificationMail, weeklySummary, notifications } = telling;
  const { webhooks } = createIntegrations({ config, pool, jobs, cipher, alerts, log });
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
  const schedules = createSchedules({
    pool,
    jobs,
    analytics,
    reads,
    forecasting,
    alerts,
    notificationMail,
    weeklySummary,
    events,
    auth,
    notifications,
    webhooks,
    files,
    timezoneOf: (storeId) => stores.timezoneOf(storeId),
    log,
  });
  const health = createHealthService({
    pool: deps.healthPool ?? pool,
    platform,
    webPush: telling.webPush,
  });

  return {
    /** stores, members, auth, apiKeys, authenticateSocket (the WebSocket's sign-in). */
    ...identity,
    /** alerts, notifications, notificationMail, push, weeklySummary, webPush. */
    ...telling,
    webhooks,
    categories,
    suppliers,
    products,
    productImages,
    files,
    productSearch,
    inventory,
    countSessions,
    sales,
    receiptMail,
    approvals,
    checkout,
    purchasing,
    /** Shelf labels and barcode stickers (PDF). */
    labels: labelPrinting,
    transfers,
    shoppingLists,
    analytics,
    forecasting,
    schedules,
    reports,
    imports,
    productSync,
    exports,
    invoices,
    jobs,
    health,
    events,
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
