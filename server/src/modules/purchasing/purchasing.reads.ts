import { distinctIds } from '../../core/ids';
import type { Db } from '../../db/pool';
import * as reads from './supplier-reads.repo';

export type { MonthRow, OrderStats, SupplierItem } from './supplier-reads.repo';

/**
 * What other modules may read of purchasing's orders and supplier items: plain functions of a
 * `Db` with no dependencies, so the composition root can hand them to `suppliers` and
 * `products` (which the purchasing service itself needs) and to the invoices, reorder lists
 * and forecasts, instead of SQL on purchasing's tables.
 */
export const purchasingReads = {
  /** Per supplier: open orders, last order, on-time rate (no orders: absent). */
  orderStats: reads.orderStats,
  /** Supplier ids with orders, by their last order. */
  suppliersByLastOrder: reads.suppliersByLastOrder,
  /** A supplier's orders per month of the store's time zone, the last `months` months. */
  supplierMonths: reads.supplierMonths,
  /** Per supplier: average days ordered → completed over the last year, and of how many orders. */
  measuredLeadTimes: reads.measuredLeadTimes,
  /** Order numbers by order id. */
  async orderNumbersOf(db: Db, storeId: string, ids: Iterable<string | null>) {
    const orders = await reads.ordersOf(db, storeId, distinctIds(ids));
    return new Map([...orders].map(([id, o]) => [id, o.orderNumber]));
  },
  /** Open orders whose expected date has passed (a delivery that is late). */
  lateOrders: reads.lateOrders,
  /** Order numbers and totals by order id. */
  ordersOf: (db: Db, storeId: string, ids: Iterable<string | null>) =>
    reads.ordersOf(db, storeId, distinctIds(ids)),
  /** The products these suppliers were ordered or invoiced for. */
  productsOfSuppliers: reads.productsOfSuppliers,
  /** Every supplier's last cost, last order date and minimum order quantity of these products. */
  supplierItems: (db: Db, storeId: string, productIds: readonly string[]) =>
    reads.supplierItems(db, storeId, productIds),

  /** One supplier's last cost and order date of these products, by product. */
  async suppliedItems(db: Db, storeId: string, supplierId: string, productIds: string[]) {
    const items = await reads.supplierItems(db, storeId, productIds, supplierId);
    return new Map(
      items.map((i) => [
        i.productId,
        { productId: i.productId, lastCost: i.lastCost, lastOrderedAt: i.lastOrderedAt },
      ]),
    );
  },

  /** One supplier's last cost of these products (no supplier: none), by product. */
  async lastCosts(
    db: Db,
    storeId: string,
    supplierId: string | null,
    productIds: readonly string[],
  ): Promise<Map<string, number | null>> {
    if (!supplierId) return new Map();
    const items = await reads.supplierItems(db, storeId, productIds, supplierId);
    return new Map(items.map((i) => [i.productId, i.lastCost]));
  },

  /** The products a supplier's own item codes name, per line position. */
  productsBySupplierSku: reads.productsBySupplierSku,
};

export type PurchasingReads = typeof purchasingReads;
