import type { Db } from '../../db/pool';
import type { LookupsPort } from './lookups-port';
import * as repo from './invoices.repo';

/**
 * Invoices as the API shows them: this module's rows with their supplier's name, their order's
 * number and who reconciled or confirmed them, from the modules that own those (one query
 * each for a whole page).
 */
export function createInvoiceViews(lookups: LookupsPort) {
  async function namesOf(db: Db, storeId: string, rows: repo.InvoiceRow[]) {
    const suppliers = await lookups.supplierNames(
      db,
      storeId,
      rows.map((r) => r.supplier_id),
    );
    const orders = await lookups.orderNumbers(
      db,
      storeId,
      rows.flatMap((r) => r.purchase_order_id ?? []),
    );
    const users = await lookups.userNames(
      db,
      rows.flatMap((r) => [r.reconciled_by, r.paid_confirmed_by]),
    );
    return { suppliers, orders, users };
  }

  return {
    async find(db: Db, storeId: string, timezone: string, id: string) {
      const row = await repo.find(db, storeId, timezone, id);
      return row && repo.toInvoice(row, await namesOf(db, storeId, [row]));
    },

    async list(
      db: Db,
      storeId: string,
      timezone: string,
      f: repo.InvoiceFilters,
      after?: { createdAt: string; id: string },
    ) {
      const { rows, total } = await repo.list(db, storeId, timezone, f, after);
      const names = await namesOf(db, storeId, rows);
      return {
        items: rows.map((r) => ({ invoice: repo.toInvoice(r, names), key: r.created_key })),
        total,
      };
    },
  };
}

export type InvoiceViews = ReturnType<typeof createInvoiceViews>;
