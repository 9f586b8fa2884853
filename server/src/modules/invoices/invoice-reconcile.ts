import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import type { Emit } from '../../core/events';
import type { Db } from '../../db/pool';
import * as lineRepo from './invoice-lines.repo';
import { checkDecisions, planFor } from './invoice-plan';
import * as reconciliation from './invoice-reconciliation.repo';
import type { PlannedLine } from './invoice-three-way';
import * as repo from './invoices.repo';
import type { ReconcileInput } from './invoices.schemas';
import type { PurchasingPort } from './purchasing-port';

export interface ReconcileDeps {
  purchasing: PurchasingPort;
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
      `This invoice was already reconciled on ${invoice.reconciled_at.toISOString().slice(0, 10)}; its stock has been received`,
    );
  const lines = await lineRepo.lines(tx, ctx.storeId, invoiceId);
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
      `${problems.length === 1 ? 'A line needs' : `${problems.length} lines need`} a choice before the invoice is reconciled: ${problems[0]!.message}`,
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
    if (!d.acceptNewCost || !p.line.productId) continue;
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

/**
 * "Receive now": each line's rest, received through purchasing against the order the plan
 * chose for it, up to what that order still expects, and the remainder as a plain receipt.
 * Two lines of one product are received together, at the later line's cost. Returns the new
 * receipt lines, each given to the invoice lines it received for.
 */
async function receiveNow(
  tx: PoolClient,
  emit: Emit,
  ctx: StoreContext,
  deps: ReconcileDeps,
  invoiceId: string,
  supplierId: string | null,
  planned: PlannedLine[],
): Promise<reconciliation.SettledReceipt[]> {
  type Want = { quantity: number; unitCost: number };
  const targets = new Map<string | null, Map<string, Want>>();
  const want = (key: string | null, productId: string, w: Want) => {
    const t = targets.get(key) ?? new Map<string, Want>();
    const before = t.get(productId)?.quantity ?? 0;
    t.set(productId, { quantity: before + w.quantity, unitCost: w.unitCost });
    targets.set(key, t);
  };
  const orderNumbers = new Map<string, string>();
  for (const p of planned) {
    const n = p.threeWay.receiveNow;
    if (!n || !p.line.productId) continue;
    const order = p.threeWay.receiveOrder;
    const open = order ? (p.threeWay.orders.find((o) => o.id === order.id)?.open ?? 0) : 0;
    const toOrder = Math.min(
      n,
      Math.max(0, open - (targets.get(order?.id ?? null)?.get(p.line.productId)?.quantity ?? 0)),
    );
    if (order && toOrder > 0) {
      orderNumbers.set(order.id, order.orderNumber);
      want(order.id, p.line.productId, { quantity: toOrder, unitCost: p.line.unitCost });
    }
    if (n > toOrder)
      want(null, p.line.productId, { quantity: n - toOrder, unitCost: p.line.unitCost });
  }
  // Orders first, then the plain receipt: the links below hand units out in that order.
  const keys = [...targets.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
  const pending = new Map(planned.map((p) => [p.line.lineId, p.threeWay.receiveNow]));
  const out: reconciliation.SettledReceipt[] = [];
  for (const key of keys) {
    const lines = [...targets.get(key)!].map(([productId, w]) => ({ productId, ...w }));
    const receipt = await deps.purchasing.receiveInTx(tx, emit, ctx, {
      ...(key ? { purchaseOrderId: key } : {}),
      invoiceId,
      ...(supplierId ? { supplierId } : {}),
      lines,
    });
    for (const rl of receipt.lines) {
      let units = rl.quantity;
      for (const p of planned) {
        const owed = pending.get(p.line.lineId)!;
        const mine = key === null || p.threeWay.receiveOrder?.id === key;
        if (!units || !owed || !mine || p.line.productId !== rl.productId) continue;
        const take = Math.min(units, owed);
        pending.set(p.line.lineId, owed - take);
        units -= take;
        out.push({
          lineId: p.line.lineId,
          receiptLineId: rl.id,
          receiptId: receipt.receiptId,
          purchaseOrderId: key,
          orderNumber: key ? orderNumbers.get(key)! : null,
          receivedAt: null,
          quantity: take,
          receivedNow: true,
        });
      }
    }
  }
  return out;
}
