import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import type { Emit } from '../../core/events';
import type { Db } from '../../db/pool';

/** One of the supplier's orders an invoice could settle, with its lines of the invoice's products. */
export interface CandidateOrder {
  id: string;
  orderNumber: string;
  status: 'pending' | 'processing' | 'shipped' | 'completed' | 'cancelled';
  orderedAt: string;
  lines: Array<{
    lineId: string;
    productId: string;
    quantity: number;
    receivedQuantity: number;
    unitCost: number;
  }>;
}

/** A line of a receipt of one of the supplier's orders with units not yet invoiced. */
export interface UninvoicedReceipt {
  receiptLineId: string;
  receiptId: string;
  purchaseOrderId: string;
  orderNumber: string;
  orderLineId: string | null;
  productId: string;
  receivedAt: string;
  quantity: number;
  uninvoiced: number;
  unitCost: number | null;
}

export interface InvoiceContext {
  orders: CandidateOrder[];
  receipts: UninvoicedReceipt[];
}

/**
 * What invoices need of purchasing, wired from the purchasing service in composition.ts: the
 * orders and the receipts not yet invoiced that an invoice is matched against (three ways),
 * settling those receipts, and receiving (the one way an invoice puts stock on the shelf,
 * which also keeps supplier_items.last_cost). Never purchasing's tables directly.
 */
export interface PurchasingPort {
  invoiceContext(
    db: Db,
    storeId: string,
    supplierId: string,
    productIds: string[],
    opts?: { lock?: boolean },
  ): Promise<InvoiceContext>;
  settleReceiptsInTx(
    tx: PoolClient,
    ctx: Pick<StoreContext, 'storeId'>,
    input: {
      supplierId: string;
      lines: Array<{ receiptLineId: string; quantity: number }>;
      costs: Array<{ productId: string; unitCost: number }>;
    },
  ): Promise<void>;
  receiveInTx(
    tx: PoolClient,
    emit: Emit,
    ctx: Pick<StoreContext, 'storeId' | 'userId'>,
    input: {
      purchaseOrderId?: string;
      invoiceId: string;
      supplierId?: string;
      /** A pending order is marked sent (processing) in the same transaction, not refused. */
      sendPending?: boolean;
      lines: Array<{ productId: string; quantity: number; unitCost: number }>;
    },
  ): Promise<{
    receiptId: string;
    lines: Array<{ id: string; productId: string; quantity: number; unitCost: number | null }>;
  }>;
}
