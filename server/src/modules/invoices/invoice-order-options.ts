import { openOf } from './invoice-conflicts';
import type { OrderOption } from './invoice-three-way.types';
import type { CandidateOrder, UninvoicedReceipt } from './purchasing-port';

/** The orders that hold the product: received and not invoiced, or still open. */
export function orderOptions(
  orders: CandidateOrder[],
  productId: string,
  receipts: UninvoicedReceipt[],
  left: Map<string, number>,
): OrderOption[] {
  return orders.flatMap((o) => {
    const l = o.lines.find((x) => x.productId === productId);
    if (!l) return [];
    const uninvoiced = receipts
      .filter((r) => r.purchaseOrderId === o.id)
      .reduce((n, r) => n + left.get(r.receiptLineId)!, 0);
    const open = openOf(o, l);
    if (!uninvoiced && !open) return [];
    return [
      {
        id: o.id,
        orderNumber: o.orderNumber,
        status: o.status,
        ordered: l.quantity,
        unitCost: l.unitCost,
        received: l.receivedQuantity,
        uninvoiced,
        open,
      },
    ];
  });
}
