import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import type { Emit } from '../../core/events';
import type * as reconciliation from './invoice-reconciliation.repo';
import type { ReconcileDeps } from './invoice-reconcile';
import type { PlannedLine } from './invoice-three-way';

/**
 * "Receive now": each line's rest, received through purchasing against the order the plan
 * chose for it, up to what that order still expects, and the remainder as a plain receipt.
 * Two lines of one product are received together, at the later line's cost. An order still
 * pending is marked sent (processing) as it receives: its goods came with the invoice. Returns the new
 * receipt lines, each given to the invoice lines it received for.
 */
export async function receiveNow(
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
      ...(key ? { purchaseOrderId: key, sendPending: true } : {}),
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
