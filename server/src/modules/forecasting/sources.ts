import type { CategoryReads } from '../categories/categories.reads';
import type { InventoryReads } from '../inventory/inventory.reads';
import type { InvoiceReads } from '../invoices/invoices.reads';
import type { ProductReads } from '../products/products.reads';
import type { PurchasingReads } from '../purchasing/purchasing.reads';
import type { SalesReads } from '../sales/sales.reads';
import type { StoreReads } from '../stores/stores.reads';
import type { SupplierReads } from '../suppliers/suppliers.reads';

/**
 * What forecasts are made from, other modules' data read through their reads (wired in
 * composition.ts): units sold per day (sales), the days without any stock (inventory's ledger), the products and their stock (products), a
 * category, the suppliers' stated and measured lead times (suppliers, purchasing), the cost
 * increases between invoices (invoices) and the store's time zone. Forecasting's own tables
 * are its forecasts, predictions and anomalies.
 */
export interface ForecastSources {
  salesByDay: SalesReads['salesByDay'];
  zeroStockDays: InventoryReads['zeroStockDays'];
  products: Pick<ProductReads, 'series' | 'reorder' | 'labelsOf' | 'existing'>;
  categories: Pick<CategoryReads, 'find' | 'existing'>;
  suppliers: Pick<SupplierReads, 'summariesOf' | 'namesOf'>;
  measuredLeadTimes: PurchasingReads['measuredLeadTimes'];
  costIncreases: InvoiceReads['costIncreases'];
  timezoneIn: StoreReads['timezoneIn'];
}
