import { formatMoney, toCents } from '../../core/limits';

/** What the purchasing module tells about an open (processing or shipped) order. */
export interface OpenOrder {
  id: string;
  orderNumber: string;
  lines: Array<{ productId: string; quantity: number; receivedQuantity: number; unitCost: number }>;
}

export interface Conflict {
  kind: 'price' | 'quantity';
  expected: number;
  actual: number;
  message: string;
}

/** A unit cost within 2% (and at least a cent) of the last one is no conflict. */
export const PRICE_TOLERANCE = 0.02;

const money = (n: number) => formatMoney(toCents(n));

/**
 * A matched line's conflicts. Price: its unit cost against the product's last cost from this
 * supplier (supplier_items.last_cost), else the product's cost. Quantity: against what the
 * chosen open order still expects of the product (ordered less received); a product the order
 * does not have is no quantity conflict (it is received as a plain receipt).
 */
export function lineConflicts(
  line: { quantity: number; unitCost: number },
  product: { id: string; cost: string | null; last_cost: string | null },
  order: OpenOrder | null,
): Conflict[] {
  const out: Conflict[] = [];
  const expectedCost = product.last_cost ?? product.cost;
  if (expectedCost !== null) {
    const expected = Number(expectedCost);
    const gap = line.unitCost - expected;
    if (Math.abs(gap) > Math.max(0.01, expected * PRICE_TOLERANCE)) {
      const pct = expected > 0 ? ` (${Math.round((Math.abs(gap) / expected) * 100)}%)` : '';
      out.push({
        kind: 'price',
        expected,
        actual: line.unitCost,
        message: `Unit cost ${money(line.unitCost)} is ${gap > 0 ? 'above' : 'below'} the last cost ${money(expected)}${pct}`,
      });
    }
  }
  const onOrder = order?.lines.find((l) => l.productId === product.id);
  if (order && onOrder) {
    const open = Math.max(0, onOrder.quantity - onOrder.receivedQuantity);
    if (line.quantity !== open)
      out.push({
        kind: 'quantity',
        expected: open,
        actual: line.quantity,
        message: `Order ${order.orderNumber} still expects ${open}; the invoice bills ${line.quantity}`,
      });
  }
  return out;
}
