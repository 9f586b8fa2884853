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
};

export type SalesReads = typeof salesReads;
