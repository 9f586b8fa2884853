import type { Db } from '../../db/pool';
import { findSettings } from './checkout/checkout.repo';
import { salesByDay } from './sales-series.repo';

export type { SalesDay } from './sales-series.repo';

/**
 * What other modules may read of the sales (this module owns them): plain functions of a
 * `Db`, handed to them by the composition root. Forecasting reads the units sold per product
 * and day here instead of SQL on `sales`, `sale_items` and `sale_refund_items`.
 */
export const salesReads = {
  /** Units sold per product and store day over [from, to), refunds taken off, voids left out. */
  salesByDay,

  /** The store's address as its checkout settings hold it (receipts print it; so do orders). */
  async storeAddress(db: Db, storeId: string): Promise<string | null> {
    return (await findSettings(db, storeId)).address;
  },
};

export type SalesReads = typeof salesReads;
