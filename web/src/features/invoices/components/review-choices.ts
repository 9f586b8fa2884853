import type { InvoiceLine, LineAction, OrderOption, ReconcileInput, ThreeWay } from '../api/types';

/** What the person chose for a line; anything left out takes the server's default. */
export interface LineChoice {
  action?: LineAction;
  /** null: no order (a plain receipt); undefined: the default. */
  purchaseOrderId?: string | null;
  acceptNewCost?: boolean;
}

export type Choices = Record<string, LineChoice>;

/**
 * The reconcile (and preview) body for every line: its product — none for an unmatched line
 * the person skipped — and the choices made. The server decides the rest, so the review and
 * the reconciliation can never disagree.
 */
export function decisionsOf(lines: InvoiceLine[], choices: Choices): ReconcileInput {
  return {
    lines: lines.map((l) => {
      const c = choices[l.lineId] ?? {};
      return {
        lineId: l.lineId,
        productId: l.match.productId,
        ...(c.action ? { action: c.action } : {}),
        ...(c.purchaseOrderId !== undefined ? { purchaseOrderId: c.purchaseOrderId } : {}),
        // A skipped line's price never becomes the cost (the server refuses to be asked).
        ...(c.acceptNewCost && c.action !== 'skip' ? { acceptNewCost: true } : {}),
      };
    }),
  };
}

/** A line with no product is decided only once it is skipped. */
export const unmatched = (line: InvoiceLine, choice: LineChoice | undefined) =>
  !line.match.productId && choice?.action !== 'skip';

/** "PO-A: 10 received, not invoiced", "PO-B: 10 still to come": an order as a choice. */
export const orderWords = (o: OrderOption) =>
  `${o.orderNumber}: ${[
    o.uninvoiced > 0 && `${o.uninvoiced} received, not invoiced`,
    o.open > 0 && `${o.open} still to come`,
  ]
    .filter(Boolean)
    .join(', ')}`;

const PROBLEM_WORDS: Record<string, (tw: ThreeWay | undefined) => string> = {
  undecided: (tw) =>
    tw?.received.quantity
      ? 'The deliveries not yet invoiced do not cover it: choose already received, receive now or skip.'
      : 'Nothing of it was received that is not invoiced yet: choose receive now or skip.',
  order_choice: (tw) =>
    `More than one order could be meant${
      tw?.orders.length ? ` (${tw.orders.map(orderWords).join(', or ')})` : ''
    }: choose the order.`,
  nothing_received: () =>
    'Nothing of it was received from this supplier that is not invoiced yet: choose receive now or skip.',
  not_a_candidate: () =>
    'That order has nothing of this product to receive or invoice: choose another.',
  no_product: () => 'Choose a product to match or receive, or skip the line.',
  cost_on_skip: () => "A skipped line's price does not become the product's cost.",
};

/**
 * The preview's problems per line, in words: the API names a line by its place in the body (`lines.3`),
 * which is its place in the invoice.
 */
export function problemsByLine(
  lines: InvoiceLine[],
  problems: Array<{ field: string; message: string; code: string }>,
  threeWays: Map<string, ThreeWay>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const index = /^lines\.(\d+)\./.exec(p.field)?.[1];
    const line = index === undefined ? undefined : lines[Number(index)];
    if (!line) continue;
    const words = PROBLEM_WORDS[p.code]?.(threeWays.get(line.lineId)) ?? p.message;
    out.set(line.lineId, [...(out.get(line.lineId) ?? []), words]);
  }
  return out;
}

/** Units a line matches to goods already received. */
export const matchedUnits = (tw: ThreeWay) =>
  tw.received.receipts.reduce((n, r) => n + r.quantity, 0);
