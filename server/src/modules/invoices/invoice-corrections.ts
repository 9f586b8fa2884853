import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import type { Emit } from '../../core/events';
import { conflictsOf, soleOrder } from './invoice-conflicts';
import { createCandidates } from './invoice-candidates';
import { invoiceLines } from './invoice-lines';
import { matchInvoiceLines } from './invoice-matching';
import * as lineRepo from './invoice-lines.repo';
import * as repo from './invoices.repo';
import type { UpdateLineInput } from './invoices.schemas';
import type { LookupsPort } from './lookups-port';
import type { InvoiceContext, PurchasingPort } from './purchasing-port';

/*
 * Corrections made in the review before reconciling: a line's product, and the invoice's
 * supplier (when the file's name for it matched none, or the wrong one). Each checks every
 * line's conflicts again, as the upload did.
 */

const NO_CONTEXT: InvoiceContext = { orders: [], receipts: [] };

async function lockOpen(tx: PoolClient, storeId: string, id: string, doing: string) {
  const invoice = await repo.lockInvoice(tx, storeId, id);
  if (!invoice) throw new NotFoundError('Invoice');
  if (invoice.reconciled_at) throw new InvalidStateError(`This invoice is reconciled: ${doing}`);
  return invoice;
}

/** A corrected match: a product picked, created, or none; every line's conflicts again. */
export async function updateLineInTx(
  tx: PoolClient,
  emit: Emit,
  ctx: StoreContext,
  purchasing: PurchasingPort,
  lookups: LookupsPort,
  id: string,
  lineId: string,
  input: UpdateLineInput,
) {
  const invoice = await lockOpen(tx, ctx.storeId, id, 'its lines can no longer change');
  const lines = await invoiceLines(lookups, tx, ctx.storeId, id);
  const line = lines.find((l) => l.lineId === lineId);
  if (!line) throw new NotFoundError('Invoice line');
  const now = lines.map((l) => ({
    ...l,
    productId: l.lineId === lineId ? input.productId : l.match.productId,
  }));
  const ids = [...new Set(now.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const products = await createCandidates(lookups, tx, ctx.storeId).byIds(invoice.supplier_id, ids);
  if (input.productId && !products.has(input.productId))
    throw new ValidationError([
      { field: 'productId', message: 'no such product in this store', code: 'not_found' },
    ]);
  const context =
    invoice.purchase_order_id && invoice.supplier_id
      ? await purchasing.invoiceContext(tx, ctx.storeId, invoice.supplier_id, ids)
      : NO_CONTEXT;
  // The invoice's order only: another order of the product is never taken for it.
  const order = soleOrder(
    {
      orders: context.orders.filter((o) => o.id === invoice.purchase_order_id),
      receipts: context.receipts.filter((r) => r.purchaseOrderId === invoice.purchase_order_id),
    },
    ids,
  );
  const conflicts = conflictsOf(now, products, order);
  await lineRepo.setLineMatch(
    tx,
    ctx.storeId,
    lineId,
    input.productId,
    input.productId ? input.method : null,
  );
  await lineRepo.setConflicts(
    tx,
    ctx.storeId,
    now.map((l, i) => ({ lineId: l.lineId, conflicts: conflicts[i]! })),
  );
  await emit('invoice.updated', { invoiceId: id, status: invoice.status, change: 'matched' });
}

/**
 * The invoice's supplier, set or changed before reconciling: its lines are matched again with
 * that supplier (its item codes, its last costs), except those a person matched, and the
 * invoice is tied to the one order of the supplier it can mean (if there is one), as an upload
 * naming that supplier would have been. The same supplier's invoice number twice is a 409.
 */
export async function setSupplierInTx(
  tx: PoolClient,
  emit: Emit,
  ctx: StoreContext,
  purchasing: PurchasingPort,
  lookups: LookupsPort,
  id: string,
  supplierId: string,
) {
  const invoice = await lockOpen(tx, ctx.storeId, id, 'its supplier can no longer change');
  const lines = await invoiceLines(lookups, tx, ctx.storeId, id);
  const byPerson = (l: lineRepo.InvoiceLine) =>
    l.match.method === 'manual' || l.match.method === 'created';
  const again = lines.filter((l) => !byPerson(l));
  const fresh = await matchInvoiceLines(lookups, tx, ctx.storeId, again, { supplierId });
  const found = new Map(again.map((l, i) => [l.lineId, fresh.lines[i]!]));
  const now = lines.map((l) => ({
    ...l,
    productId: found.has(l.lineId) ? found.get(l.lineId)!.match.productId : l.match.productId,
  }));
  const ids = [...new Set(now.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const context = ids.length
    ? await purchasing.invoiceContext(tx, ctx.storeId, supplierId, ids)
    : NO_CONTEXT;
  const order = soleOrder(context, ids);
  const products = await createCandidates(lookups, tx, ctx.storeId).byIds(supplierId, ids);
  const conflicts = conflictsOf(now, products, order);
  await repo.setSupplier(tx, ctx.storeId, id, {
    supplierId,
    purchaseOrderId: order?.order.id ?? null,
    invoiceNumber: invoice.invoice_number,
  });
  await lineRepo.saveMatches(
    tx,
    ctx.storeId,
    now.map((l, i) => {
      const m = found.get(l.lineId);
      return {
        lineId: l.lineId,
        ...(m ? { match: m.match, suggestions: m.suggestions } : {}),
        conflicts: conflicts[i]!,
      };
    }),
  );
  await emit('invoice.updated', { invoiceId: id, status: invoice.status, change: 'supplier' });
}
