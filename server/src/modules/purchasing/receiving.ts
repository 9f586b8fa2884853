import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import {
  InvalidStateError,
  NotFoundError,
  ValidationError,
  type ErrorDetail,
} from '../../core/errors';
import type { Emit } from '../../core/events';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import type { InventoryService } from '../inventory/inventory.service';
import type { ProductReads } from '../products/products.reads';
import { canMove, RECEIVABLE } from './order-status';
import type { OrderViews } from './order-views';
import * as views from './purchase-order-views.repo';
import * as orders from './purchase-orders.repo';
import type { ReceiveInput } from './purchasing.schemas';
import * as receiptLines from './receipt-lines.repo';
import * as repo from './receipts.repo';
import * as supplierItems from './supplier-items.repo';

type Ctx = Pick<StoreContext, 'storeId' | 'userId'>;

export interface ReceiptInput {
  purchaseOrderId?: string;
  /** The invoice being reconciled that receives these goods: the receipt is invoiced by it. */
  invoiceId?: string;
  /** Whose last costs `unitCost` updates when there is no order (the invoice's supplier). */
  supplierId?: string;
  /**
   * A pending order is marked sent (processing) first, in this transaction, rather than
   * refused: an invoice that receives a pending order's goods shows the order went out.
   */
  sendPending?: boolean;
  note?: string | null;
  lines: Array<{ productId?: string; lineId?: string; quantity: number; unitCost?: number }>;
}

const WHY_NOT: Record<string, string> = {
  pending: 'is still pending: mark it as sent to the supplier (processing) before receiving',
  completed: 'is completed: everything on it has been received',
  cancelled: 'is cancelled: nothing more is received on it',
};

/**
 * A pending order whose goods an invoice receives was evidently sent: it moves to processing
 * through its state machine (stamping processing_at, announced) before the receipt. Returns
 * whether it did.
 */
async function sendIfPending(tx: PoolClient, emit: Emit, ctx: Ctx, order: orders.LockedOrder) {
  if (order.status !== 'pending' || !canMove(order.status, 'processing')) return false;
  await orders.setStatus(tx, ctx.storeId, order.id, 'processing');
  await emit('purchase_order.updated', {
    purchaseOrderId: order.id,
    orderNumber: order.orderNumber,
    status: 'processing',
    change: 'status',
  });
  order.status = 'processing';
  return true;
}

/**
 * Deliveries into stock. A receipt is one `purchase_receipts` row and one `purchase_receipt`
 * ledger movement per product, all in one transaction. Against an order, the order row is
 * locked first, so two deliveries of one order run one at a time and the second sees what the
 * first received: together they never exceed what was ordered (unless a line allows it).
 */
export function createReceiving(deps: {
  pool: Pool;
  write: StoreWriter;
  inventory: InventoryService;
  /** The products module's: which products exist (and are active). */
  productFacts: ProductReads['orderingFacts'];
  orderViews: OrderViews;
}) {
  const { pool, write, inventory, orderViews } = deps;

  /** Matches each delivered line to an open order line, or says which line is wrong and why. */
  function matchLines(
    order: orders.LockedOrder,
    lines: repo.ReceivableLine[],
    input: ReceiptInput,
  ) {
    const details: ErrorDetail[] = [];
    const seen = new Set<string>();
    const matched = input.lines.flatMap((l, i) => {
      const field = l.lineId ? `lines.${i}.lineId` : `lines.${i}.productId`;
      const line = lines.find((x) => (l.lineId ? x.id === l.lineId : x.productId === l.productId));
      if (!line) {
        details.push({ field, message: `is not on ${order.orderNumber}`, code: 'not_found' });
        return [];
      }
      if (seen.has(line.id)) {
        details.push({
          field,
          message: 'is listed twice: put the whole quantity on one line',
          code: 'duplicate',
        });
        return [];
      }
      seen.add(line.id);
      const open = Math.max(0, line.quantity - line.receivedQuantity);
      if (l.quantity > open && !line.allowOverReceipt) {
        details.push({
          field: `lines.${i}.quantity`,
          message: `is more than is open on this line: ${line.quantity} ordered, ${line.receivedQuantity} received, ${open} open`,
          code: 'too_big',
        });
        return [];
      }
      return [{ line, quantity: l.quantity, unitCost: l.unitCost }];
    });
    if (details.length) throw new ValidationError(details);
    return matched;
  }

  async function plainLines(tx: Db, ctx: Ctx, input: ReceiptInput) {
    const found = await deps.productFacts(
      tx,
      ctx.storeId,
      input.lines.flatMap((l) => l.productId ?? []),
    );
    const seen = new Set<string>();
    const details: ErrorDetail[] = [];
    input.lines.forEach((l, i) => {
      const field = `lines.${i}.productId`;
      if (!l.productId || !found.has(l.productId))
        details.push({ field, message: 'no such product in this store', code: 'not_found' });
      else if (seen.has(l.productId))
        details.push({
          field,
          message: 'is listed twice: put the whole quantity on one line',
          code: 'duplicate',
        });
      if (l.productId) seen.add(l.productId);
    });
    if (details.length) throw new ValidationError(details);
    return input.lines.map((l) => ({
      productId: l.productId!,
      quantity: l.quantity,
      unitCost: l.unitCost,
    }));
  }

  async function receiveInTx(
    tx: PoolClient,
    emit: Emit,
    ctx: Ctx,
    input: ReceiptInput,
  ): Promise<{ receiptId: string; completed: boolean; lines: receiptLines.ReceiptLineRow[] }> {
    const order = input.purchaseOrderId
      ? await orders.lock(tx, ctx.storeId, input.purchaseOrderId)
      : undefined;
    if (input.purchaseOrderId && !order) throw new NotFoundError('Purchase order');
    const sent = order && input.sendPending ? await sendIfPending(tx, emit, ctx, order) : false;
    const sentNote =
      sent && 'the order was still pending: marked sent (processing) by this receipt';
    if (order && !RECEIVABLE.includes(order.status)) {
      throw new InvalidStateError(`${order.orderNumber} ${WHY_NOT[order.status]}`);
    }
    const orderLines = order ? await repo.linesOf(tx, ctx.storeId, order.id) : [];
    const delivered = order
      ? matchLines(order, orderLines, input).map((m) => ({ ...m, productId: m.line.productId }))
      : (await plainLines(tx, ctx, input)).map((m) => ({ ...m, line: undefined }));

    const receiptId = await repo.insertReceipt(tx, ctx.storeId, {
      orderId: order?.id ?? null,
      invoiceId: input.invoiceId ?? null,
      // What happened to the order is kept with the delivery that did it.
      note: [sentNote, input.note].filter(Boolean).join('; ') || null,
      userId: ctx.userId,
    });
    const note = [order && `Receipt for ${order.orderNumber}`, sentNote, input.note]
      .filter(Boolean)
      .join(': ');
    // One ledger entry per product, written together (inventory locks them in id order), at
    // the cost it came in at: the invoice's, else the order's (else the product's, in force).
    const movements = await inventory.moveMany(
      tx,
      emit,
      ctx,
      delivered.map((d) => ({
        productId: d.productId,
        delta: d.quantity,
        unitCost: d.unitCost ?? d.line?.unitCost,
      })),
      'purchase_receipt',
      { referenceType: 'purchase_receipt', referenceId: receiptId, note: note || null },
    );
    const costOf = new Map(movements.map((m) => [m.productId, m.unitCost]));
    const lines = await receiptLines.insertLines(
      tx,
      ctx.storeId,
      receiptId,
      delivered.map((d) => ({
        productId: d.productId,
        orderLineId: d.line?.id ?? null,
        quantity: d.quantity,
        unitCost: costOf.get(d.productId) ?? null,
      })),
      input.invoiceId !== undefined,
    );
    await repo.addReceived(
      tx,
      ctx.storeId,
      delivered.flatMap((d) => (d.line ? [{ lineId: d.line.id, units: d.quantity }] : [])),
    );

    // The invoice that receives these goods passes its supplier: purchasing reads no invoice.
    const supplierId = order?.supplierId ?? input.supplierId;
    const costs = delivered.flatMap((d) =>
      d.unitCost === undefined ? [] : [{ productId: d.productId, unitCost: d.unitCost }],
    );
    if (supplierId) await supplierItems.recordCosts(tx, ctx.storeId, supplierId, costs);

    let completed = false;
    if (order) {
      const received = new Map(delivered.map((d) => [d.line!.id, d.quantity]));
      completed = orderLines.every(
        (l) => l.receivedQuantity + (received.get(l.id) ?? 0) >= l.quantity,
      );
      if (completed) await orders.setStatus(tx, ctx.storeId, order.id, 'completed');
      else await orders.touch(tx, ctx.storeId, order.id);
      await emit('purchase_order.updated', {
        purchaseOrderId: order.id,
        orderNumber: order.orderNumber,
        status: completed ? 'completed' : order.status,
        change: 'received',
      });
    }
    return { receiptId, completed, lines };
  }

  return {
    receiveInTx,

    /** POST purchase-orders/{id}/receive: the receipt, and the order as it now stands. */
    receive(ctx: StoreContext, orderId: string, input: ReceiveInput) {
      return write(ctx, async (tx, emit) => {
        const { receiptId } = await receiveInTx(tx, emit, ctx, {
          ...input,
          purchaseOrderId: orderId,
        });
        const receipts = await orderViews.receiptsOf(tx, ctx.storeId, orderId);
        return {
          receipt: receipts.find((r) => r.id === receiptId)!,
          order: (await orderViews.find(tx, ctx.storeId, orderId))!,
        };
      });
    },

    async receipts(ctx: StoreContext, orderId: string) {
      if (!(await views.find(pool, ctx.storeId, orderId)))
        throw new NotFoundError('Purchase order');
      return orderViews.receiptsOf(pool, ctx.storeId, orderId);
    },

    /** Orders that can still be received (processing or shipped), with their open lines. */
    openOrdersFor: (db: Db, storeId: string, supplierId: string) =>
      views.openFor(db, storeId, supplierId),
  };
}
