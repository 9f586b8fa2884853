import type { UserReads } from '../auth/auth.reads';
import type { CategoryReads } from '../categories/categories.reads';
import type { ForecastReads } from '../forecasting/forecasting.reads';
import type { ProductReads } from '../products/products.reads';
import type { PurchasingReads } from '../purchasing/purchasing.reads';
import type { SupplierReads } from '../suppliers/suppliers.reads';

/**
 * What reorder lists are made from, other modules' data read through their reads (wired in
 * composition.ts): the products and their stock, who offers each at what (purchasing's
 * supplier items, the suppliers), the expected demand and lead times (forecasting), the orders
 * a list's items went into and who made a list. A list's own tables are its lists and items.
 */
export interface ReorderSources {
  products: Pick<ProductReads, 'reorder' | 'orderingFacts'>;
  productsOfSuppliers: PurchasingReads['productsOfSuppliers'];
  supplierItems: PurchasingReads['supplierItems'];
  orders: PurchasingReads['ordersOf'];
  suppliers: Pick<SupplierReads, 'summariesOf'>;
  categories: Pick<CategoryReads, 'existing'>;
  userNames: UserReads['namesOf'];
  expectedDailyDemand: ForecastReads['expectedDailyDemand'];
  leadTimes: ForecastReads['leadTimes'];
}
