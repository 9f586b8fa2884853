import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import type { Emit } from '../../core/events';
import type { Db } from '../../db/pool';
import { invoiceLines } from './invoice-lines';
import { checkDecisions, planFor } from './invoice-plan';
import * as reconciliation from './invoice-reconciliation.repo';
import { receiveNow } from './invoice-receive-now';
import * as repo from './invoices.repo';
import type { ReconcileInput } from './invoices.schemas';
import type { LookupsPort } from './lookups-port';
import type { PurchasingPort } from './purchasing-port';

export interface ReconcileDeps {
  purchasing: PurchasingPort;
  lookups: LookupsPort;
  productsExist(db: Db, ids: string[]): Promise<Set<string>>;
  /** The product's cost set to an accepted invoice price (the products module, with history). */
  setCost(
    tx: PoolClient,
    emit: Emit,
    ctx: Pick<StoreContext, 'storeId' | 'userId'>,
    productId: string,
    cost: number,
    reason: string,
  ): Promise<unknown>;
}

/**
 * Reconciles an invoice, once, in the caller's transaction. The invoice row is locked first
 * (two people reconciling it queue up; the second is told it is done), then the supplier's
 * orders it could settle (a delivery being received on one waits, or is seen whole). Every
 * line is planned three ways (invoice-three-way.ts): receipts it matches are settled through
 * purchasing (a receipt unit is never invoiced twice), only what "receive now" asks for is
 * received, accepted prices become product costs, and the decisions are stored.
 */
export async function reconcileInTx(
  tx: PoolClient,
  emit: Emit,
  ctx: StoreContext,
  deps: ReconcileDeps,
  invoiceId: string,
  input: ReconcileInput,
) {
  const invoice = await repo.lockInvoice(tx, ctx.storeId, invoiceId);
  if (!invoice) throw new NotFoundError('Invoice');
  if (invoice.reconciled_at)
    throw new InvalidStateError(
      `This invoice was already reconciled on ${invoice.reconciled_at.toISOString().slice(0, 10)}: its lines were settled then (matched to deliveries, received or skipped) and cannot be settled again`,
    );
  const lines = await invoiceLines(deps.lookups, tx, ctx.storeId, invoiceId);
  await checkDecisions(tx, deps.productsExist, lines, input.lines, true);
  const { lines: planned, problems } = await planFor(
    tx,
    deps.purchasing,
    ctx.storeId,
    invoice,
    lines,
    input,
    true,
  );
  if (problems.length)
    throw new ValidationError(
      problems,
      `${problems.length === 1 ? 'A line is' : `${problems.length} lines are`} not ready to reconcile: ${problems[0]!.message}`,
    );

  const settled: reconciliation.SettledReceipt[] = [];
  const supplierId = invoice.supplier_id;
  const active = planned.filter((p) => p.line.productId && p.threeWay.action !== 'skip');
  if (supplierId && active.length) {
    const units = new Map<string, number>();
    for (const p of planned)
      for (const m of p.matched) {
        units.set(m.receipt.receiptLineId, (units.get(m.receipt.receiptLineId) ?? 0) + m.quantity);
        settled.push({
          lineId: p.line.lineId,
          receiptLineId: m.receipt.receiptLineId,
          receiptId: m.receipt.receiptId,
          purchaseOrderId: m.receipt.purchaseOrderId,
          orderNumber: m.receipt.orderNumber,
          receivedAt: m.receipt.receivedAt,
          quantity: m.quantity,
          receivedNow: false,
        });
      }
    await deps.purchasing.settleReceiptsInTx(tx, ctx, {
      supplierId,
      lines: [...units].map(([receiptLineId, quantity]) => ({ receiptLineId, quantity })),
      costs: active.map((p) => ({ productId: p.line.productId!, unitCost: p.line.unitCost })),
    });
  }
  settled.push(...(await receiveNow(tx, emit, ctx, deps, invoiceId, supplierId, planned)));

  const decisions = new Map(input.lines.map((d) => [d.lineId, d]));
  const accepted = new Set<string>();
  for (const p of planned) {
    const d = decisions.get(p.line.lineId)!;
    if (!d.acceptNewCost || !p.line.productId || p.threeWay.action === 'skip') continue;
    await deps.setCost(
      tx,
      emit,
      ctx,
      p.line.productId,
      p.line.unitCost,
      `cost of invoice ${invoice.invoice_number ?? invoiceId}, ${p.line.label}`,
    );
    accepted.add(p.line.lineId);
  }

  const byLine = new Map(lines.map((l) => [l.lineId, l]));
  const orders = new Set(settled.flatMap((s) => (s.purchaseOrderId ? [s.purchaseOrderId] : [])));
  await reconciliation.saveReconciliation(
    tx,
    ctx.storeId,
    {
      id: invoiceId,
      userId: ctx.userId,
      purchaseOrderId: orders.size === 1 ? [...orders][0]! : null,
    },
    planned.map((p) => {
      const line = byLine.get(p.line.lineId)!;
      const productId = p.line.productId;
      return {
        lineId: p.line.lineId,
        productId,
        method:
          productId === null
            ? null
            : productId === line.match.productId
              ? line.match.method
              : 'manual',
        action: p.threeWay.action ?? 'skip',
        purchaseOrderId: p.threeWay.purchaseOrderId ?? p.threeWay.receiveOrder?.id ?? null,
        received: p.threeWay.receiveNow,
        matched: p.matched.reduce((n, m) => n + m.quantity, 0),
        costAccepted: accepted.has(p.line.lineId),
        threeWay: { ...p.threeWay, costAccepted: accepted.has(p.line.lineId) },
      };
    }),
    settled,
  );
  await emit('invoice.updated', { invoiceId, status: invoice.status, change: 'reconciled' });
}
