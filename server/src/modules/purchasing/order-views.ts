import { byId, named, nameRank } from '../../core/ids';
import type { Db } from '../../db/pool';
import type { UserReads } from '../auth/auth.reads';
import type { ProductReads } from '../products/products.reads';
import type { SupplierReads } from '../suppliers/suppliers.reads';
import * as views from './purchase-order-views.repo';
import type { ListOrdersQuery } from './purchasing.schemas';
import type { Receipt } from './receipts.repo';
import * as receipts from './receipts.repo';

export interface OrderViewDeps {
  productLabels: ProductReads['labelsOf'];
  supplierNames: SupplierReads['namesOf'];
  userNames: UserReads['namesOf'];
}

/**
 * Orders and their deliveries as the API shows them: purchasing's rows, with the supplier's
 * name, the products' names and codes and who received each delivery from the modules that
 * own them (one query each for a whole page, never one per row).
 */
export function createOrderViews(deps: OrderViewDeps) {
  async function withLabels(db: Db, storeId: string, rows: views.OrderRow[]) {
    const suppliers = await deps.supplierNames(
      db,
      storeId,
      rows.map((r) => r.supplier_id),
    );
    const products = await deps.productLabels(
      db,
      storeId,
      rows.flatMap((r) => r.lines.map((l) => l.product_id)),
    );
    return rows.map((r) => views.toOrder(r, { suppliers, products }));
  }

  return {
    async find(db: Db, storeId: string, id: string) {
      const row = await views.find(db, storeId, id);
      return row && (await withLabels(db, storeId, [row]))[0];
    },

    async list(
      db: Db,
      storeId: string,
      q: ListOrdersQuery,
      after?: { createdAt: string; id: string },
    ) {
      const { rows, total } = await views.list(db, storeId, q, after);
      const orders = await withLabels(db, storeId, rows);
      return { items: rows.map((r, i) => ({ order: orders[i]!, key: r.created_key })), total };
    },

    /** An order's deliveries, oldest first, each line by its product's name. */
    async receiptsOf(db: Db, storeId: string, orderId: string): Promise<Receipt[]> {
      const rows = await receipts.receiptsOf(db, storeId, orderId);
      const products = await deps.productLabels(
        db,
        storeId,
        rows.flatMap((r) => r.lines.map((l) => l.productId)),
      );
      const users = await deps.userNames(
        db,
        rows.map((r) => r.receivedBy),
      );
      const rank = nameRank(products);
      return rows.map((r) => ({
        id: r.id,
        receivedAt: r.receivedAt,
        receivedBy: named(r.receivedBy, users),
        note: r.note,
        invoiceId: r.invoiceId,
        lines: r.lines
          .filter((l) => products.has(l.productId))
          .sort((a, b) => rank(a.productId) - rank(b.productId) || byId(a.id, b.id))
          .map((l) => {
            const { name, sku } = products.get(l.productId)!;
            return {
              productId: l.productId,
              product: { id: l.productId, name, sku },
              quantity: l.quantity,
              invoicedQuantity: l.invoicedQuantity,
            };
          }),
      }));
    },
  };
}

export type OrderViews = ReturnType<typeof createOrderViews>;
