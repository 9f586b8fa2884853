import type { Db } from '../../db/pool';
import type { UserReads } from '../auth/auth.reads';
import type { ProductReads } from '../products/products.reads';
import * as refunds from './refunds.repo';
import type { RefundJson, SaleLabels } from './refunds.repo';
import * as repo from './sales.repo';
import { list as listSales } from './sales-list.repo';
import type { ListSalesQuery } from './sales.schemas';

export interface SaleViewDeps {
  productLabels: ProductReads['labelsOf'];
  userNames: UserReads['namesOf'];
}

/**
 * Sales and refunds as the API shows them: the sales module's rows, with the products' names
 * and SKUs and the names of who rang up, voided or refunded, from the modules that own them
 * (one query each for a whole page).
 */
export function createSaleViews(deps: SaleViewDeps) {
  async function labelsOf(
    db: Db,
    storeId: string,
    sales: Array<Omit<repo.SaleRow, 'sold_key'>>,
    alone: RefundJson[] = [],
  ): Promise<SaleLabels> {
    const refundsOf = [...sales.flatMap((s) => s.refunds), ...alone];
    const products = await deps.productLabels(db, storeId, [
      ...sales.flatMap((s) => s.items.map((i) => i.product_id)),
      ...refundsOf.flatMap((r) => r.lines.map((l) => l.product_id)),
    ]);
    const users = await deps.userNames(db, [
      ...sales.flatMap((s) => [s.user_id, s.voided_by]),
      ...refundsOf.map((r) => r.user_id),
    ]);
    return { products, users };
  }

  return {
    /** A sale's row as the API shows it (a sale found by its reference: its row, not read back). */
    async label(db: Db, storeId: string, row: Omit<repo.SaleRow, 'sold_key'>) {
      return repo.toSale(row, await labelsOf(db, storeId, [row]));
    },

    async find(db: Db, storeId: string, id: string) {
      const row = await repo.find(db, storeId, id);
      return row && repo.toSale(row, await labelsOf(db, storeId, [row]));
    },

    async list(
      db: Db,
      storeId: string,
      q: ListSalesQuery,
      after?: { soldAt: string; id: string },
      found?: { number: number | null; productIds: string[] },
    ) {
      const { rows, total } = await listSales(db, storeId, q, after, found);
      const labels = await labelsOf(db, storeId, rows);
      return { items: rows.map((r) => ({ sale: repo.toSale(r, labels), key: r.sold_key })), total };
    },

    async refund(db: Db, storeId: string, id: string) {
      const row = await refunds.find(db, storeId, id);
      return row && refunds.toRefund(row, await labelsOf(db, storeId, [], [row]));
    },
  };
}

export type SaleViews = ReturnType<typeof createSaleViews>;
