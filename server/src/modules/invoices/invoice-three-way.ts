import type { ErrorDetail } from '../../core/errors';
import type {
  LineAction,
  OrderOption,
  PlanLine,
  PlannedLine,
  ThreeWay,
} from './invoice-three-way.types';
import {
  costOnSkip,
  lineProblem,
  noProduct,
  notACandidate,
  type Problem,
} from './invoice-line-problems';
import { orderOptions } from './invoice-order-options';
import { lineVariances } from './invoice-variances';
import type { InvoiceContext } from './purchasing-port';

export * from './invoice-three-way.types';

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The three-way match of an invoice: per line, what was ordered, what was received and not
 * yet invoiced, and what is invoiced; what each choice does; and what stops it. Lines take
 * receipts in order (oldest receipt first), so two lines of one product never take one unit.
 *
 * - "already received" matches receipts and moves no stock; it is the default when the
 *   receipts cover the line. "receive now" matches what receipts cover and receives only the
 *   rest. "skip" does nothing. A line the receipts do not cover has no default.
 * - Receipts of several orders, more than the line needs; receipts that cover the line while
 *   another order still expects the product; or several open orders to receive into: the
 *   person chooses the order (`orderChoiceRequired`); none is picked for them, and no choice
 *   is preselected until they do.
 */
export function planInvoice(
  lines: PlanLine[],
  ctx: InvoiceContext,
  invoiceOrderId: string | null,
): { lines: PlannedLine[]; problems: ErrorDetail[] } {
  const left = new Map(ctx.receipts.map((r) => [r.receiptLineId, r.uninvoiced]));
  const problems: ErrorDetail[] = [];
  const planned = lines.map((line) => {
    const { plan, problem } = planLine(line, ctx, left, invoiceOrderId);
    if (problem) problems.push({ field: `${line.field}.${problem.at}`, ...problem.detail });
    for (const m of plan.matched)
      left.set(m.receipt.receiptLineId, left.get(m.receipt.receiptLineId)! - m.quantity);
    return plan;
  });
  return { lines: planned, problems };
}

function planLine(
  line: PlanLine,
  ctx: InvoiceContext,
  left: Map<string, number>,
  invoiceOrderId: string | null,
): { plan: PlannedLine; problem?: Problem } {
  const q = line.quantity;
  const base: ThreeWay = {
    action: 'skip',
    purchaseOrderId: null,
    ordered: null,
    received: { quantity: 0, receipts: [] },
    invoiced: { quantity: q, unitCost: line.unitCost, total: cents(q * line.unitCost) },
    receiveNow: 0,
    receiveOrder: null,
    orders: [],
    orderChoiceRequired: false,
    variances: [],
    costAccepted: false,
  };
  const P = line.productId;
  if (!P)
    return {
      plan: { line, threeWay: base, matched: [] },
      problem: noProduct(line) ?? costOnSkip(line, 'skip'),
    };

  const receipts = ctx.receipts.filter((r) => r.productId === P && left.get(r.receiptLineId)! > 0);
  const options = orderOptions(ctx.orders, P, receipts, left);
  const byId = new Map(options.map((o) => [o.id, o]));
  let chosen: OrderOption | null | undefined;
  let problem: Problem | undefined;
  if (typeof line.purchaseOrderId === 'string') {
    chosen = byId.get(line.purchaseOrderId);
    if (!chosen) problem = notACandidate(line, options);
  } else if (line.purchaseOrderId === null) chosen = null;
  else if (invoiceOrderId && byId.has(invoiceOrderId)) chosen = byId.get(invoiceOrderId);

  const inScope = receipts.filter((r) =>
    chosen === undefined ? true : chosen === null ? false : r.purchaseOrderId === chosen.id,
  );
  const available = inScope.reduce((n, r) => n + left.get(r.receiptLineId)!, 0);
  const wanted: LineAction | null =
    line.action ?? (q === 0 ? 'skip' : available >= q ? 'already_received' : null);
  const open = options.filter((o) => o.open > 0);
  const receiptOrders = new Set(inScope.map((r) => r.purchaseOrderId));
  // Which order is meant is the person's choice, never a default (issue 16, review finding 5):
  // - receipts of several orders, more than the line needs: which ones it settles;
  // - receipts cover the line, yet another order still expects the product: the invoice may
  //   bill those goods instead ("PO-A: 10 received, not invoiced" or "PO-B: 10 still to come").
  const undetermined = chosen === undefined && wanted !== 'skip';
  const matchChoice = undetermined && receiptOrders.size > 1 && available > q;
  const coverChoice =
    undetermined && q > 0 && available >= q && open.some((o) => !receiptOrders.has(o.id));
  const askOrder = matchChoice || coverChoice;
  // Nothing is preselected while the order is to be chosen.
  const action = askOrder && !line.action ? null : wanted;

  const matched: PlannedLine['matched'] = [];
  if (action !== 'skip' && !askOrder) {
    let need = q;
    for (const r of inScope) {
      if (need === 0) break;
      const take = Math.min(need, left.get(r.receiptLineId)!);
      matched.push({ receipt: r, quantity: take });
      need -= take;
    }
  }
  const matchedQty = matched.reduce((n, m) => n + m.quantity, 0);
  const rest = askOrder ? 0 : q - matchedQty;

  // Where "receive now" puts the rest: the chosen order if it can still receive the product,
  // else the one open order for it; several open orders are the person's choice.
  let receiveOrder: OrderOption | null = null;
  let receiveChoice = false;
  if (chosen) receiveOrder = chosen.open > 0 ? chosen : null;
  else if (chosen === undefined && !askOrder) {
    if (open.length === 1) receiveOrder = open[0]!;
    else receiveChoice = open.length > 1 && rest > 0 && action !== 'already_received';
  }

  const orderChoiceRequired = action !== 'skip' && (askOrder || receiveChoice);
  problem ??= lineProblem(line, {
    action,
    available,
    choiceAmong: !orderChoiceRequired
      ? null
      : matchChoice
        ? options.filter((o) => o.uninvoiced > 0)
        : coverChoice
          ? options
          : open,
  });
  problem ??= costOnSkip(line, action);

  // The order compared with: the chosen one, else the one the matched receipts came from,
  // else the one the rest is received into, else the only one that holds the product. None
  // while the person is to choose.
  const ref = orderChoiceRequired
    ? undefined
    : (chosen ??
      (matched.length ? byId.get(matched[0]!.receipt.purchaseOrderId) : undefined) ??
      receiveOrder ??
      (options.length === 1 ? options[0] : undefined));
  const threeWay: ThreeWay = {
    ...base,
    action,
    purchaseOrderId: chosen ? chosen.id : chosen === null ? null : (ref?.id ?? null),
    ordered: ref
      ? {
          purchaseOrderId: ref.id,
          orderNumber: ref.orderNumber,
          quantity: ref.ordered,
          receivedQuantity: ref.received,
          unitCost: ref.unitCost,
        }
      : null,
    received: {
      quantity: available,
      receipts: matched.map((m) => ({
        receiptId: m.receipt.receiptId,
        receiptLineId: m.receipt.receiptLineId,
        purchaseOrderId: m.receipt.purchaseOrderId,
        orderNumber: m.receipt.orderNumber,
        receivedAt: m.receipt.receivedAt,
        quantity: m.quantity,
        unitCost: m.receipt.unitCost,
      })),
    },
    receiveNow: action === 'already_received' || action === 'skip' ? 0 : Math.max(0, rest),
    receiveOrder: receiveOrder && { id: receiveOrder.id, orderNumber: receiveOrder.orderNumber },
    orders: options,
    orderChoiceRequired,
    // While the order is to be chosen there is nothing to compare with: adding up the
    // deliveries of several orders ("12 billed, 28 received") would say nothing true.
    variances: orderChoiceRequired
      ? []
      : lineVariances(line, {
          ordered: ref ? { orderNumber: ref.orderNumber, unitCost: ref.unitCost } : null,
          received: available,
        }),
  };
  return { plan: { line, threeWay, matched }, problem };
}
