import { formatMoney, toCents } from '../../core/limits';
import type { CandidateOrder, InvoiceContext } from './purchasing-port';

/** The order an invoice was matched to, with what it can still settle per product. */
export interface MatchedOrder {
  order: CandidateOrder;
  /** Units received on it and not invoiced yet, per product. */
  uninvoiced: Map<string, number>;
}

// A pending order counts: an invoice for its goods says it was sent (receiving one from an
// invoice marks it processing first, see purchasing's receiveInTx).
const OPEN_STATUSES = ['pending', 'processing', 'shipped'];

/** Units of a line an order can still receive: none once it is completed or cancelled. */
export const openOf = (
  order: Pick<CandidateOrder, 'status'>,
  line: { quantity: number; receivedQuantity: number },
) =>
  OPEN_STATUSES.includes(order.status) ? Math.max(0, line.quantity - line.receivedQuantity) : 0;

/**
 * The one order of the supplier an invoice's products point to: an order that can still
 * receive one of them, or holds receipts of one not yet invoiced. When several could, none is
 * chosen: the review shows them and the person picks (issue 16: never pick one silently).
 */
export function soleOrder(ctx: InvoiceContext, productIds: string[]): MatchedOrder | null {
  const wanted = new Set(productIds);
  const uninvoiced = new Map<string, Map<string, number>>();
  for (const r of ctx.receipts) {
    if (!wanted.has(r.productId)) continue;
    const byProduct = uninvoiced.get(r.purchaseOrderId) ?? new Map<string, number>();
    byProduct.set(r.productId, (byProduct.get(r.productId) ?? 0) + r.uninvoiced);
    uninvoiced.set(r.purchaseOrderId, byProduct);
  }
  const candidates = ctx.orders.filter((o) =>
    o.lines.some(
      (l) =>
        wanted.has(l.productId) && (openOf(o, l) > 0 || uninvoiced.get(o.id)?.has(l.productId)),
    ),
  );
  if (candidates.length !== 1) return null;
  const order = candidates[0]!;
  return { order, uninvoiced: uninvoiced.get(order.id) ?? new Map() };
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
 * A matched line's conflicts, as seen at upload. Price: its unit cost against the product's
 * last cost from this supplier (supplier_items.last_cost), else the product's cost. Quantity:
 * against what the invoice's order has left to invoice of the product (received and not
 * invoiced, plus still open) after what the invoice's earlier lines of it bill (`before`), as
 * the three-way match hands them out; a product the order does not have is no quantity
 * conflict. The review's fuller comparison (ordered, received, invoiced) is the line's `threeWay`.
 */
export function lineConflicts(
  line: { quantity: number; unitCost: number },
  product: { id: string; cost: string | null; last_cost: string | number | null },
  matched: MatchedOrder | null,
  before = 0,
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
  const order = matched?.order;
  const onOrder = order?.lines.find((l) => l.productId === product.id);
  if (order && onOrder) {
    const open = openOf(order, onOrder);
    const received = matched!.uninvoiced.get(product.id) ?? 0;
    const expected = Math.max(0, open + received - before);
    const what = received
      ? `${received} received, ${open} still open`
      : `${open} still open, none received`;
    if (line.quantity !== expected)
      out.push({
        kind: 'quantity',
        expected,
        actual: line.quantity,
        message: before
          ? `Order ${order.orderNumber} has ${expected} left to invoice after the ${before} billed on the invoice's earlier lines of this product (${what}); this line bills ${line.quantity}`
          : received
            ? `Order ${order.orderNumber} has ${expected} to invoice (${what}); the invoice bills ${line.quantity}`
            : `Order ${order.orderNumber} still expects ${open}; the invoice bills ${line.quantity}`,
      });
  }
  return out;
}

/**
 * Every line's conflicts, lines in the invoice's order: a second line of a product is compared
 * with what the lines before it leave. A line without a product (or one not found) has none.
 */
export function conflictsOf(
  lines: Array<{ quantity: number; unitCost: number; productId: string | null }>,
  products: Map<string, { id: string; cost: string | null; last_cost: string | number | null }>,
  order: MatchedOrder | null,
): Conflict[][] {
  const billed = new Map<string, number>();
  return lines.map((l) => {
    const product = l.productId ? products.get(l.productId) : undefined;
    if (!product) return [];
    const before = billed.get(product.id) ?? 0;
    billed.set(product.id, before + l.quantity);
    return lineConflicts(l, product, order, before);
  });
}
