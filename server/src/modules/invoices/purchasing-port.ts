import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import type { Emit } from '../../core/events';
import type { Db } from '../../db/pool';
import type { OpenOrder } from './invoice-conflicts';

/**
 * What invoices need of purchasing: the supplier's open orders (to match and check an
 * invoice against) and receiving (the one way an invoice puts stock on the shelf, which also
 * keeps supplier_items.last_cost). Wired from the purchasing service in composition.ts.
 */
export interface PurchasingPort {
  openOrdersFor(db: Db, storeId: string, supplierId: string): Promise<OpenOrder[]>;
  receiveInTx(
    tx: PoolClient,
    emit: Emit,
    ctx: Pick<StoreContext, 'storeId' | 'userId'>,
    input: {
      purchaseOrderId?: string;
      invoiceId: string;
      lines: Array<{ productId: string; quantity: number; unitCost: number }>;
    },
  ): Promise<unknown>;
}
