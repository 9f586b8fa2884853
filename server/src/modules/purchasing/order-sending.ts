import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { InvalidStateError, NotFoundError, ServiceUnavailableError } from '../../core/errors';
import { ValidationError } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';
import type { Mailer } from '../../platform/mailer';
import type { StoreWriter } from '../events/events.service';
import type { StoreReads } from '../stores/stores.reads';
import type { SupplierReads } from '../suppliers/suppliers.reads';
import type { OrderParties } from './order-pdf';
import { renderOrderPdfInWorker } from './order-pdf-in-worker';
import type { PurchaseOrder } from './purchase-order-views.repo';
import * as repo from './purchase-orders.repo';
import type { SendOrderInput } from './purchasing.schemas';

export interface OrderSendingDeps {
  pool: Pool;
  write: StoreWriter;
  mailer: Mailer;
  log: Logger;
  get(ctx: Pick<StoreContext, 'storeId'>, id: string, db?: Db): Promise<PurchaseOrder>;
  storeProfile: StoreReads['profileIn'];
  /** The store's postal address (its checkout settings, the sales module's). */
  storeAddress: (db: Db, storeId: string) => Promise<string | null>;
  supplierContact: SupplierReads['contactOf'];
}

/** The order as a PDF, and the order e-mailed to its supplier with that PDF attached. */
export function createOrderSending(deps: OrderSendingDeps) {
  const { pool, write, mailer, get } = deps;

  async function document(ctx: Pick<StoreContext, 'storeId'>, id: string) {
    const order = await get(ctx, id);
    const store = await deps.storeProfile(pool, ctx.storeId);
    const supplier = await deps.supplierContact(pool, ctx.storeId, order.supplier.id);
    if (!store || !supplier) throw new NotFoundError('Purchase order');
    const address = await deps.storeAddress(pool, ctx.storeId);
    const parties: OrderParties = { store: { ...store, address }, supplier };
    return {
      order,
      parties,
      filename: `${order.orderNumber}.pdf`,
      body: await renderOrderPdfInWorker(order, parties),
    };
  }

  return {
    /** The order as a printable PDF. */
    orderPdf: (ctx: StoreContext, id: string) => document(ctx, id),

    /**
     * E-mails the order's PDF to its supplier (or `to`), then notes when and to whom. A
     * cancelled or completed order is not sent. The mail goes out before the note is written:
     * a mail that fails is a 503 and the order stays as it was.
     */
    async sendOrder(ctx: StoreContext, id: string, input: SendOrderInput) {
      const { order, parties, filename, body } = await document(ctx, id);
      if (order.status === 'cancelled' || order.status === 'completed') {
        throw new InvalidStateError(`${order.orderNumber} is ${order.status}: it is not sent`);
      }
      const to = input.to ?? parties.supplier.email;
      if (!to) {
        throw new ValidationError([
          {
            field: 'to',
            message: `${parties.supplier.name} has no e-mail address: add one to the supplier or give "to"`,
            code: 'required',
          },
        ]);
      }
      try {
        await mailer.send({
          to,
          subject: `Purchase order ${order.orderNumber} from ${parties.store.name}`,
          text: mailText(order, parties, input.message),
          attachments: [{ filename, content: body, contentType: 'application/pdf' }],
        });
      } catch (err) {
        deps.log.warn('purchase order mail failed', { orderId: id, error: String(err) });
        throw new ServiceUnavailableError('The mail server did not take the mail: try again', {
          retryAfterSeconds: 30,
        });
      }
      return write(ctx, async (tx, emit) => {
        await repo.markSent(tx, ctx.storeId, id, to);
        await emit('purchase_order.updated', {
          purchaseOrderId: id,
          orderNumber: order.orderNumber,
          status: order.status,
          change: 'sent',
        });
        return get(ctx, id, tx);
      });
    },
  };
}

function mailText(order: PurchaseOrder, { store, supplier }: OrderParties, message?: string) {
  const units = order.lines.reduce((n, l) => n + l.quantity, 0);
  return [
    `Hello ${supplier.contactPerson ?? supplier.name},`,
    '',
    `${store.name} orders ${units} unit${units === 1 ? '' : 's'} in ${order.lines.length} line${
      order.lines.length === 1 ? '' : 's'
    }: purchase order ${order.orderNumber} is attached as a PDF.`,
    order.expectedAt ? `Expected delivery: ${order.expectedAt}.` : '',
    ...(message ? ['', message] : []),
    '',
    store.name,
  ].join('\n');
}
