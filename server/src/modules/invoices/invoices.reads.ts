import { costIncreases } from './cost-increases.repo';
import { dueInvoices } from './due-invoices.repo';

export type { CostIncreaseRow } from './cost-increases.repo';

/**
 * What other modules may read of the invoices (this module owns them): plain functions of a
 * `Db`, handed to them by the composition root. Forecasting's cost anomalies read the unit-cost
 * increases between a supplier's invoices here instead of SQL on `invoice_lines`.
 */
export const invoiceReads = {
  /** Unit-cost increases between consecutive invoices of a product and supplier, since a day. */
  costIncreases,
  /** Pending invoices due by a day: overdue ones and those falling due. */
  dueInvoices,
};

export type InvoiceReads = typeof invoiceReads;
