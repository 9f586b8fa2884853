import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, quantityOf, storeWithMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import {
  expectLedgerBalanced,
  getOrder,
  patchStatus,
  postOrder,
  postReceipt,
} from '../../test/purchasing';

/**
 * Issue 16, defect 1: an invoice for goods already received at the door is matched to the
 * receipts (three-way: ordered, received, invoiced) and moves no stock; the other open order
 * of the supplier stays untouched.
 */
const t = useTestApp();

const reconcile = (s: Awaited<ReturnType<typeof storeWithMember>>, id: string, body: object) =>
  s.api.post(`${s.url}/invoices/${id}/reconcile`).set(s.auth).send(body);

/** Milk from Dairy Co: order A received in full at the door, order B (same milk) still open. */
async function receivedAtTheDoor() {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Dairy Co' });
  const milk = await createProduct(s, {
    name: 'Whole milk 1L',
    sku: 'MILK-1',
    price: 2,
    cost: 1.2,
  });
  const order = async () => {
    const res = await postOrder(s, {
      supplierId: supplier.id,
      lines: [{ productId: milk.id, quantity: 10, unitCost: 1.2 }],
    }).expect(201);
    await patchStatus(s, res.body.data.id, { status: 'processing' }).expect(200);
    return res.body.data as { id: string; orderNumber: string };
  };
  const a = await order();
  const receipt = await postReceipt(s, a.id, {
    lines: [{ productId: milk.id, quantity: 10 }],
  }).expect(201);
  const b = await order();
  expect(await quantityOf(t, milk.id)).toBe(10);
  return { s, supplier, milk, a, b, receiptId: receipt.body.data.receipt.id as string };
}

const milkInvoice = (number: string, qty = 10, cost = 1.2) =>
  csvOf([
    ['Vendor', 'Dairy Co', 'Invoice No', number],
    ['SKU', 'Description', 'Qty', 'Unit Cost'],
    ['MILK-1', 'Whole milk', qty, cost],
  ]);

test('when an invoice bills goods already received against one order while another order of the product is open, then the person chooses the order, and reconciling matches the receipt, moves no stock and leaves the open order untouched', async () => {
  const { s, milk, a, b, receiptId } = await receivedAtTheDoor();
  const up = await uploadInvoice(s, milkInvoice('D-1'), 'd1.csv').expect(201);
  const invoiceId = up.body.data.invoiceId as string;
  const [line] = up.body.data.matchingResults.lines;
  expect(line.match.productId).toBe(milk.id);
  // Two orders could be meant: the invoice is not tied to either silently.
  expect(up.body.data.invoice.purchaseOrder).toBeNull();

  // The review: the delivery of A covers the line, but B still expects the milk: which order
  // the invoice bills is asked, both named, and nothing is preselected (review finding 5).
  const review = (await s.api.get(`${s.url}/invoices/${invoiceId}`).set(s.auth).expect(200)).body
    .data.matchingResults.lines[0].threeWay;
  expect(review).toEqual(
    expect.objectContaining({
      action: null,
      orderChoiceRequired: true,
      ordered: null,
      received: { quantity: 10, receipts: [] },
      invoiced: { quantity: 10, unitCost: 1.2, total: 12 },
      receiveNow: 0,
      variances: [],
    }),
  );
  expect(
    review.orders.map((o: { id: string; uninvoiced: number; open: number }) => [
      o.id,
      o.uninvoiced,
      o.open,
    ]),
  ).toEqual([
    [a.id, 10, 0],
    [b.id, 0, 10],
  ]);

  // Order A chosen: ordered, received (not yet invoiced), invoiced; "already received" by default.
  const chosen = { lineId: line.lineId, productId: milk.id, purchaseOrderId: a.id };
  const seen = await s.api
    .post(`${s.url}/invoices/${invoiceId}/reconcile/preview`)
    .set(s.auth)
    .send({ lines: [chosen] })
    .expect(200);
  expect(seen.body.data.ready).toBe(true);
  expect(seen.body.data.matchingResults.lines[0].threeWay).toEqual(
    expect.objectContaining({
      ordered: expect.objectContaining({ purchaseOrderId: a.id, quantity: 10, unitCost: 1.2 }),
      received: expect.objectContaining({
        quantity: 10,
        receipts: [expect.objectContaining({ receiptId, purchaseOrderId: a.id, quantity: 10 })],
      }),
      action: 'already_received',
      receiveNow: 0,
      orderChoiceRequired: false,
      variances: [],
    }),
  );

  const rec = await reconcile(s, invoiceId, { lines: [chosen] }).expect(200);
  const done = rec.body.data;
  expect(done.matchingResults.lines[0]).toEqual(
    expect.objectContaining({
      receivedQuantity: 0,
      threeWay: expect.objectContaining({ action: 'already_received', receiveNow: 0 }),
    }),
  );
  expect(done.settles).toEqual({
    orders: [{ id: a.id, orderNumber: a.orderNumber }],
    receipts: [expect.objectContaining({ id: receiptId, purchaseOrderId: a.id })],
  });

  // Before the fix: stock 10 → 20 and order B showed 10 received.
  expect(await quantityOf(t, milk.id)).toBe(10);
  const orderB = await getOrder(s, b.id);
  expect(orderB.status).toBe('processing');
  expect(orderB.lines[0].receivedQuantity).toBe(0);
  const { rows } = await t.db.pool.query(
    `SELECT quantity, invoiced_quantity FROM purchase_receipt_lines WHERE receipt_id = $1`,
    [receiptId],
  );
  expect(rows).toEqual([{ quantity: 10, invoiced_quantity: 10 }]);

  // The same goods billed again: nothing left to match, and nothing is received silently.
  const again = await uploadInvoice(s, milkInvoice('D-2'), 'd2.csv').expect(201);
  const againLine = again.body.data.matchingResults.lines[0];
  const refused = await reconcile(s, again.body.data.invoiceId, {
    lines: [{ lineId: againLine.lineId, productId: milk.id, action: 'already_received' }],
  }).expect(400);
  expect(refused.body.error.details[0]).toEqual(
    expect.objectContaining({ field: 'lines.0.action', code: 'nothing_received' }),
  );
  const undecided = await reconcile(s, again.body.data.invoiceId, {
    lines: [{ lineId: againLine.lineId, productId: milk.id }],
  }).expect(400);
  expect(undecided.body.error.details[0]).toEqual(
    expect.objectContaining({ field: 'lines.0.action', code: 'undecided' }),
  );
  expect(await quantityOf(t, milk.id)).toBe(10);
  await expectLedgerBalanced(t, s.storeId);
});

test('when more is invoiced than was received, then only the excess is received, and only when the person says so, against the order they choose', async () => {
  const { s, milk, a, b } = await receivedAtTheDoor();
  const up = await uploadInvoice(s, milkInvoice('D-3', 14), 'd3.csv').expect(201);
  const invoiceId = up.body.data.invoiceId as string;
  const line = up.body.data.matchingResults.lines[0];
  const view = (await s.api.get(`${s.url}/invoices/${invoiceId}`).set(s.auth).expect(200)).body.data
    .matchingResults.lines[0].threeWay;
  // Receipts do not cover it: no default, the person decides.
  expect(view.action).toBeNull();
  expect(view.receiveNow).toBe(4);
  expect(view.variances).toEqual([
    expect.objectContaining({
      kind: 'quantity_vs_receipt',
      expected: 10,
      actual: 14,
      amount: 4.8,
      message: expect.stringMatching(/14 billed, 10 received.*4 more than received.*4\.80/),
    }),
  ]);

  // "Already received": the 10 are matched, the 4 billed but not delivered are left as a variance.
  const matchOnly = await reconcile(s, invoiceId, {
    lines: [{ lineId: line.lineId, productId: milk.id, action: 'already_received' }],
  }).expect(200);
  expect(matchOnly.body.data.matchingResults.lines[0].receivedQuantity).toBe(0);
  expect(await quantityOf(t, milk.id)).toBe(10);
  expect((await getOrder(s, b.id)).lines[0].receivedQuantity).toBe(0);
  expect((await getOrder(s, a.id)).status).toBe('completed');

  // Another invoice for 6 more, received now against order B, which the person picked.
  const next = await uploadInvoice(s, milkInvoice('D-4', 6), 'd4.csv').expect(201);
  const nextLine = next.body.data.matchingResults.lines[0];
  const received = await reconcile(s, next.body.data.invoiceId, {
    lines: [
      { lineId: nextLine.lineId, productId: milk.id, action: 'receive_now', purchaseOrderId: b.id },
    ],
  }).expect(200);
  expect(received.body.data.matchingResults.lines[0].receivedQuantity).toBe(6);
  expect(await quantityOf(t, milk.id)).toBe(16);
  expect((await getOrder(s, b.id)).lines[0].receivedQuantity).toBe(6);
  expect(received.body.data.settles.orders).toEqual([
    { id: b.id, orderNumber: expect.any(String) },
  ]);
  await expectLedgerBalanced(t, s.storeId);
});
