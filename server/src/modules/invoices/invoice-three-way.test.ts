import { planInvoice, type PlanLine } from './invoice-three-way';
import type { CandidateOrder, InvoiceContext, UninvoicedReceipt } from './purchasing-port';

/** The three-way plan on its own: how lines share receipts and when the person must choose. */

const order = (
  id: string,
  status: CandidateOrder['status'],
  quantity: number,
  received: number,
) => ({
  id,
  orderNumber: `PO-${id}`,
  status,
  orderedAt: '2026-12-01T00:00:00.000Z',
  lines: [
    { lineId: `${id}-l`, productId: 'milk', quantity, receivedQuantity: received, unitCost: 1 },
  ],
});

const receipt = (id: string, orderId: string, uninvoiced: number): UninvoicedReceipt => ({
  receiptLineId: id,
  receiptId: `r-${id}`,
  purchaseOrderId: orderId,
  orderNumber: `PO-${orderId}`,
  orderLineId: `${orderId}-l`,
  productId: 'milk',
  receivedAt: `2026-12-0${id.length}T00:00:00.000Z`,
  quantity: uninvoiced,
  uninvoiced,
  unitCost: 1,
});

const line = (lineId: string, quantity: number, extra: Partial<PlanLine> = {}): PlanLine => ({
  lineId,
  label: `line ${lineId}`,
  field: `lines.${lineId}`,
  productId: 'milk',
  quantity,
  unitCost: 1,
  ...extra,
});

test('when two lines bill one product, then they take the receipts in turn and never the same unit', () => {
  const ctx: InvoiceContext = {
    orders: [order('a', 'completed', 10, 10)],
    receipts: [receipt('x', 'a', 10)],
  };
  const { lines, problems } = planInvoice([line('1', 6), line('2', 6)], ctx, null);
  expect(
    lines.map((l) => [l.threeWay.action, l.threeWay.received.quantity, l.matched[0]?.quantity]),
  ).toEqual([
    ['already_received', 10, 6],
    [null, 4, 4],
  ]);
  // The second line: 4 left to match, 2 more billed than received; it waits for a choice.
  expect(problems).toEqual([
    expect.objectContaining({ field: 'lines.2.action', code: 'undecided' }),
  ]);
  expect(lines[1]!.threeWay.receiveNow).toBe(2);
});

test('when receipts of two orders are all needed, then both are matched without asking; when there are more than needed, the person chooses', () => {
  const ctx: InvoiceContext = {
    orders: [order('a', 'completed', 4, 4), order('c', 'completed', 6, 6)],
    receipts: [receipt('x', 'a', 4), receipt('yy', 'c', 6)],
  };
  const exact = planInvoice([line('1', 10)], ctx, null);
  expect(exact.problems).toEqual([]);
  expect(exact.lines[0]!.matched.map((m) => [m.receipt.purchaseOrderId, m.quantity])).toEqual([
    ['a', 4],
    ['c', 6],
  ]);
  const fewer = planInvoice([line('1', 5)], ctx, null);
  expect(fewer.lines[0]!.threeWay).toEqual(
    expect.objectContaining({ action: null, orderChoiceRequired: true, variances: [] }),
  );
  expect(fewer.problems[0]!.code).toBe('order_choice');
  // The invoice's order settles it.
  const chosen = planInvoice([line('1', 5)], ctx, 'c');
  expect(chosen.problems).toEqual([]);
  expect(chosen.lines[0]!.matched.map((m) => [m.receipt.purchaseOrderId, m.quantity])).toEqual([
    ['c', 5],
  ]);
});

test('when a line bills nothing, has no product or is skipped, then nothing is matched or received and nothing is asked', () => {
  const ctx: InvoiceContext = { orders: [order('b', 'processing', 10, 0)], receipts: [] };
  const { lines, problems } = planInvoice(
    [line('1', 0), line('2', 3, { productId: null }), line('3', 3, { action: 'skip' })],
    ctx,
    null,
  );
  expect(lines.map((l) => [l.threeWay.action, l.threeWay.receiveNow, l.matched.length])).toEqual([
    ['skip', 0, 0],
    ['skip', 0, 0],
    ['skip', 0, 0],
  ]);
  expect(problems).toEqual([]);
  // Receiving without a product is asked for.
  const bad = planInvoice([line('1', 3, { productId: null, action: 'receive_now' })], ctx, null);
  expect(bad.problems).toEqual([
    expect.objectContaining({ field: 'lines.1.productId', code: 'no_product' }),
  ]);
});

test('when receipts of one order cover a line while another order (pending too) still expects it, then the order is asked, nothing is preselected, and a chosen order decides', () => {
  const ctx: InvoiceContext = {
    orders: [order('a', 'completed', 10, 10), order('b', 'pending', 10, 0)],
    receipts: [receipt('x', 'a', 10)],
  };
  const asked = planInvoice([line('1', 10)], ctx, null);
  expect(asked.lines[0]!.threeWay).toEqual(
    expect.objectContaining({
      action: null,
      orderChoiceRequired: true,
      ordered: null,
      receiveNow: 0,
      variances: [],
    }),
  );
  expect(asked.lines[0]!.matched).toEqual([]);
  expect(asked.lines[0]!.threeWay.orders.map((o) => [o.id, o.uninvoiced, o.open])).toEqual([
    ['a', 10, 0],
    ['b', 0, 10],
  ]);
  expect(asked.problems).toEqual([
    {
      field: 'lines.1.purchaseOrderId',
      code: 'order_choice',
      message:
        'line 1: more than one order could be meant, choose the order (purchaseOrderId): PO-a: 10 received, not invoiced; or PO-b: 10 still to come',
    },
  ]);
  const a = planInvoice([line('1', 10, { purchaseOrderId: 'a' })], ctx, null);
  expect([a.problems, a.lines[0]!.threeWay.action, a.lines[0]!.matched.length]).toEqual([
    [],
    'already_received',
    1,
  ]);
  const b = planInvoice(
    [line('1', 10, { purchaseOrderId: 'b', action: 'receive_now' })],
    ctx,
    null,
  );
  expect(b.problems).toEqual([]);
  expect(b.lines[0]!.threeWay).toEqual(
    expect.objectContaining({ receiveNow: 10, receiveOrder: { id: 'b', orderNumber: 'PO-b' } }),
  );
});

test('when a skipped line (or one without a product) asks to accept its cost, then that is a problem on acceptNewCost', () => {
  const ctx: InvoiceContext = { orders: [], receipts: [] };
  const { problems } = planInvoice(
    [
      line('1', 3, { action: 'skip', acceptNewCost: true }),
      line('2', 3, { productId: null, acceptNewCost: true }),
      line('3', 3, { action: 'receive_now', acceptNewCost: true }),
    ],
    ctx,
    null,
  );
  expect(problems.map((p) => [p.field, p.code])).toEqual([
    ['lines.1.acceptNewCost', 'cost_on_skip'],
    ['lines.2.acceptNewCost', 'cost_on_skip'],
  ]);
});
