import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import {
  InvalidStateError,
  NotFoundError,
  ValidationError,
  type ErrorDetail,
} from '../../core/errors';
import type { Emit } from '../../core/events';
import * as lineRepo from './invoice-lines.repo';
import * as repo from './invoices.repo';
import type { PurchasingPort } from './purchasing-port';
import type { ReconcileInput } from './invoices.schemas';

type Line = lineRepo.InvoiceLine;

/**
 * Reconciles an invoice, once, in the caller's transaction: every line decided (a product
 * with a quantity and unit cost, or skipped), then the confirmed quantities received through
 * purchasing — up to what the invoice's open order still expects against the order, the rest
 * as a plain receipt — and the decisions stored on the lines.
 */
export async function reconcileInTx(
  tx: PoolClient,
  emit: Emit,
  ctx: StoreContext,
  deps: {
    purchasing: PurchasingPort;
    productsExist(tx: PoolClient, ids: string[]): Promise<Set<string>>;
  },
  invoiceId: string,
  input: ReconcileInput,
) {
  const invoice = await repo.lockInvoice(tx, ctx.storeId, invoiceId);
  if (!invoice) throw new NotFoundError('Invoice');
  if (invoice.reconciled_at)
    throw new InvalidStateError(
      `This invoice was already reconciled on ${invoice.reconciled_at.toISOString().slice(0, 10)}; its stock has been received`,
    );
  const lines = await lineRepo.lines(tx, ctx.storeId, invoiceId);
  const decisions = await decide(tx, deps, lines, input);

  const wanted = new Map<string, { quantity: number; unitCost: number }>();
  for (const d of decisions) {
    if (!d.productId || d.quantity === 0) continue;
    const w = wanted.get(d.productId);
    // Two lines of one product: received together, at the later line's cost.
    wanted.set(d.productId, { quantity: (w?.quantity ?? 0) + d.quantity, unitCost: d.unitCost });
  }
  const order =
    invoice.purchase_order_id && invoice.supplier_id
      ? (await deps.purchasing.openOrdersFor(tx, ctx.storeId, invoice.supplier_id)).find(
          (o) => o.id === invoice.purchase_order_id,
        )
      : undefined;
  const againstOrder: Array<{ productId: string; quantity: number; unitCost: number }> = [];
  const plain: typeof againstOrder = [];
  for (const [productId, w] of wanted) {
    const onOrder = order?.lines.find((l) => l.productId === productId);
    const open = onOrder ? Math.max(0, onOrder.quantity - onOrder.receivedQuantity) : 0;
    const fromOrder = Math.min(open, w.quantity);
    if (fromOrder > 0) againstOrder.push({ productId, quantity: fromOrder, unitCost: w.unitCost });
    if (w.quantity > fromOrder)
      plain.push({ productId, quantity: w.quantity - fromOrder, unitCost: w.unitCost });
  }
  if (order && againstOrder.length)
    await deps.purchasing.receiveInTx(tx, emit, ctx, {
      purchaseOrderId: order.id,
      invoiceId,
      lines: againstOrder,
    });
  if (plain.length) await deps.purchasing.receiveInTx(tx, emit, ctx, { invoiceId, lines: plain });

  await repo.saveReconciliation(
    tx,
    ctx.storeId,
    invoiceId,
    ctx.userId,
    decisions.map((d) => ({
      lineId: d.line.lineId,
      productId: d.productId,
      method:
        d.productId === null
          ? null
          : d.productId === d.line.match.productId
            ? d.line.match.method
            : 'manual',
      received: d.productId ? d.quantity : 0,
    })),
  );
  await emit('invoice.updated', { invoiceId, status: invoice.status, change: 'reconciled' });
}

async function decide(
  tx: PoolClient,
  deps: { productsExist(tx: PoolClient, ids: string[]): Promise<Set<string>> },
  lines: Line[],
  input: ReconcileInput,
) {
  const details: ErrorDetail[] = [];
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  const seen = new Set<string>();
  input.lines.forEach((d, i) => {
    if (!byId.has(d.lineId))
      details.push({
        field: `lines.${i}.lineId`,
        message: 'is not a line of this invoice',
        code: 'not_found',
      });
    else if (seen.has(d.lineId))
      details.push({ field: `lines.${i}.lineId`, message: 'is decided twice', code: 'duplicate' });
    seen.add(d.lineId);
  });
  for (const l of lines)
    if (!seen.has(l.lineId))
      details.push({
        field: 'lines',
        message: `line ${l.position + 1} (${l.description ?? l.sku ?? l.upc ?? 'no description'}) is not decided: confirm a product or skip it (productId null)`,
        code: 'undecided',
      });
  const ids = [...new Set(input.lines.flatMap((d) => (d.productId ? [d.productId] : [])))];
  const existing = await deps.productsExist(tx, ids);
  input.lines.forEach((d, i) => {
    if (d.productId && !existing.has(d.productId))
      details.push({
        field: `lines.${i}.productId`,
        message: 'no such product in this store',
        code: 'not_found',
      });
  });
  if (details.length)
    throw new ValidationError(details, 'Every line of the invoice must be decided');
  return input.lines.map((d) => {
    const line = byId.get(d.lineId)!;
    return {
      line,
      productId: d.productId,
      quantity: d.quantity ?? line.quantity,
      unitCost: d.unitCost ?? line.unitCost,
    };
  });
}
