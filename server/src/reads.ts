import type { ForecastSources } from './modules/forecasting/sources';
import { createForecastReads } from './modules/forecasting/forecasting.reads';
import type { LookupsPort } from './modules/invoices/lookups-port';
import type { ReorderSources } from './modules/shopping-lists/reorder-sources';
import { userReads } from './modules/auth/auth.reads';
import { categoryReads } from './modules/categories/categories.reads';
import { inventoryReads } from './modules/inventory/inventory.reads';
import { invoiceReads } from './modules/invoices/invoices.reads';
import { fileReads } from './modules/files/files.reads';
import { jobReads } from './modules/jobs/jobs.reads';
import { createProductReads } from './modules/products/products.reads';
import { purchasingReads } from './modules/purchasing/purchasing.reads';
import { salesReads } from './modules/sales/sales.reads';
import { storeReads } from './modules/stores/stores.reads';
import { supplierReads } from './modules/suppliers/suppliers.reads';
import { webhookReads } from './modules/webhooks/webhooks.reads';

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
    productImages: fileReads.productImages,
  });
  const sources: ForecastSources = {
    salesByDay: salesReads.salesByDay,
    zeroStockDays: inventoryReads.zeroStockDays,
    products,
    categories: categoryReads,
    suppliers: supplierReads,
    measuredLeadTimes: purchasingReads.measuredLeadTimes,
    costIncreases: invoiceReads.costIncreases,
    timezoneIn: storeReads.timezoneIn,
  };
  return {
    users: userReads,
    files: fileReads,
    stores: storeReads,
    categories: categoryReads,
    suppliers: supplierReads,
    products,
    inventory: inventoryReads,
    purchasing: purchasingReads,
    sales: salesReads,
    invoices: invoiceReads,
    jobs: jobReads,
    webhooks: webhookReads,
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
 * What invoices read of other modules (invoices/lookups-port.ts). A function declaration (composition.ts
 * has a service named `exports`).
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
