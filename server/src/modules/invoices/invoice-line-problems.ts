import type { LineAction, OrderOption, PlanLine } from './invoice-three-way.types';

/** What stops a line from being reconciled: where in its decision, a code, and what to do. */
export interface Problem {
  at: 'action' | 'productId' | 'purchaseOrderId' | 'acceptNewCost';
  detail: { code: string; message: string };
}

/** "PO-2026-000001: 10 received, not invoiced; or PO-2026-000002: 10 still to come" (as the review says it). */
export const orderNames = (orders: OrderOption[]) =>
  orders
    .map((o) => {
      const what = [
        o.uninvoiced && `${o.uninvoiced} received, not invoiced`,
        o.open && `${o.open} still to come`,
      ];
      return `${o.orderNumber}: ${what.filter(Boolean).join(', ')}`;
    })
    .join('; or ');

/** Matching or receiving a line asks for its product. */
export const noProduct = (line: PlanLine): Problem | undefined =>
  line.action && line.action !== 'skip'
    ? {
        at: 'productId',
        detail: {
          code: 'no_product',
          message: `${line.label}: choose a product to match or receive, or skip the line`,
        },
      }
    : undefined;

/** The order named for a line holds nothing of its product to settle. */
export const notACandidate = (line: PlanLine, options: OrderOption[]): Problem => ({
  at: 'purchaseOrderId',
  detail: {
    code: 'not_a_candidate',
    message: `${line.label}: that order has nothing of this product to receive or invoice${options.length ? `; choose ${orderNames(options)}` : ''}`,
  },
});

/**
 * The line's problem, if any: several orders could be meant (`choiceAmong`); no choice where
 * the receipts do not cover it; "already received" with nothing received to match.
 */
export function lineProblem(
  line: PlanLine,
  plan: { action: LineAction | null; available: number; choiceAmong: OrderOption[] | null },
): Problem | undefined {
  const { action, available } = plan;
  const q = line.quantity;
  if (action === 'skip') return undefined;
  if (plan.choiceAmong)
    return {
      at: 'purchaseOrderId',
      detail: {
        code: 'order_choice',
        message: `${line.label}: more than one order could be meant, choose the order (purchaseOrderId): ${orderNames(plan.choiceAmong)}`,
      },
    };
  if (action === null)
    return {
      at: 'action',
      detail: {
        code: 'undecided',
        // "already received" is offered only when something was received to match.
        message: available
          ? `${line.label}: ${q} billed, ${available} received and not invoiced: choose receive_now (receives the ${q - available} more), already_received (matches the ${available} received) or skip`
          : `${line.label}: ${q} billed, nothing received that is not invoiced yet: choose receive_now (receives the ${q}) or skip`,
      },
    };
  if (action === 'already_received' && available === 0)
    return {
      at: 'action',
      detail: {
        code: 'nothing_received',
        message: `${line.label}: nothing of it was received from this supplier that is not invoiced yet: choose receive_now or skip`,
      },
    };
  return undefined;
}

/** A skipped line's price never becomes the product's cost: asking for it is a mistake, named. */
export const costOnSkip = (line: PlanLine, action: LineAction | null): Problem | undefined =>
  line.acceptNewCost && (action === 'skip' || !line.productId)
    ? {
        at: 'acceptNewCost',
        detail: {
          code: 'cost_on_skip',
          message: `${line.label}: a skipped line's price does not become the product's cost: leave acceptNewCost out, or match or receive the line`,
        },
      }
    : undefined;
