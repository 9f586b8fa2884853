import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, quantityOf, storeWithMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import {
  expectLedgerBalanced,
  feedOf,
  getOrder,
  patchStatus,
  postOrder,
  postReceipt,
} from '../../test/purchasing';

/**
 * Review of issue 16, finding 2: an invoice for goods of an order still pending. The review
 * shows the order; "receive now" receives into it, marking it sent (processing) in the same
 * transaction, recorded on the order, the receipt and the event feed, so the goods are on
 * order once and received once.
 */
const t = useTestApp();

async function pendingOrder(quantity: number) {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Pending Foods' });
  const rice = await createProduct(s, { name: 'Basmati rice 1kg', sku: 'RICE', price: 4, cost: 2 });
  const order = (
    await postOrder(s, {
      supplierId: supplier.id,
      lines: [{ productId: rice.id, quantity: 10, unitCost: 2 }],
    }).expect(201)
  ).body.data as { id: string; orderNumber: string };
  const up = await uploadInvoice(
    s,
    csvOf([
      ['Invoice No', `PF-${quantity}`],
      ['SKU', 'Description', 'Qty', 'Unit Cost', 'Total'],
      ['RICE', 'Basmati rice', quantity, 2, quantity * 2],
    ]),
    'pf.csv',
    { supplierId: supplier.id },
  ).expect(201);
  return { s, rice, order, up: up.body.data };
}

const reconcile = (s: Awaited<ReturnType<typeof storeWithMember>>, id: string, body: object) =>
  s.api.post(`${s.url}/invoices/${id}/reconcile`).set(s.auth).send(body);

test('when an invoice bills the goods of a pending order, then the review shows the order, and "receive now" receives into it and marks it sent, once', async () => {
  const { s, rice, order, up } = await pendingOrder(10);
  // Before the fix: purchaseOrder null, "Ordered: Not on an order", no orders to choose.
  expect(up.invoice.purchaseOrder).toEqual({ id: order.id, orderNumber: order.orderNumber });
  const line = up.matchingResults.lines[0];
  expect(line.conflicts).toEqual([]);
  expect(line.threeWay).toEqual(
    expect.objectContaining({
      action: null,
      ordered: expect.objectContaining({ purchaseOrderId: order.id, quantity: 10, unitCost: 2 }),
      receiveNow: 10,
      receiveOrder: { id: order.id, orderNumber: order.orderNumber },
      orderChoiceRequired: false,
      orders: [expect.objectContaining({ id: order.id, status: 'pending', open: 10 })],
    }),
  );

  const done = await reconcile(s, up.invoiceId, {
    lines: [{ lineId: line.lineId, productId: rice.id, action: 'receive_now' }],
  }).expect(200);
  expect(done.body.data.settles.orders).toEqual([{ id: order.id, orderNumber: order.orderNumber }]);
  expect(await quantityOf(t, rice.id)).toBe(10);
  // Received into the order, which went pending → processing → completed in that transaction.
  const after = await getOrder(s, order.id);
  expect(after).toEqual(
    expect.objectContaining({
      status: 'completed',
      processingAt: expect.any(String),
      completedAt: expect.any(String),
    }),
  );
  expect(after.lines[0].receivedQuantity).toBe(10);
  const receipts = await s.api
    .get(`${s.url}/purchase-orders/${order.id}/receipts`)
    .set(s.auth)
    .expect(200);
  expect(receipts.body.data).toEqual([
    expect.objectContaining({
      note: 'the order was still pending: marked sent (processing) by this receipt',
    }),
  ]);
  const events = (await feedOf(s, 'purchase_order.updated')).filter(
    (e: { purchaseOrderId: string }) => e.purchaseOrderId === order.id,
  );
  expect(events.map((e: { status: string; change: string }) => `${e.change}:${e.status}`)).toEqual([
    'created:pending',
    'status:processing',
    'received:completed',
  ]);

  // Before the fix the order stayed pending with 10 on order: marked sent and received at the
  // door, it made 20 in stock for 10 delivered. Now there is nothing left to receive on it.
  await patchStatus(s, order.id, { status: 'processing' }).expect(409);
  await postReceipt(s, order.id, { lines: [{ productId: rice.id, quantity: 10 }] }).expect(409);
  expect(await quantityOf(t, rice.id)).toBe(10);
  await expectLedgerBalanced(t, s.storeId);
});

test('when an invoice bills part of a pending order, then receiving it leaves the order processing with the rest still to come', async () => {
  const { s, rice, order, up } = await pendingOrder(6);
  const line = up.matchingResults.lines[0];
  await reconcile(s, up.invoiceId, {
    lines: [{ lineId: line.lineId, productId: rice.id, action: 'receive_now' }],
  }).expect(200);
  const after = await getOrder(s, order.id);
  expect([after.status, after.lines[0].receivedQuantity]).toEqual(['processing', 6]);
  // The rest comes to the door later, against the same order: 10 in all, for 10 ordered.
  await postReceipt(s, order.id, { lines: [{ productId: rice.id, quantity: 4 }] }).expect(201);
  expect((await getOrder(s, order.id)).status).toBe('completed');
  expect(await quantityOf(t, rice.id)).toBe(10);
  await expectLedgerBalanced(t, s.storeId);
});

test('when a pending order is received at the door, then it is still refused: only an invoice marks it sent', async () => {
  const { s, rice, order } = await pendingOrder(10);
  const res = await postReceipt(s, order.id, {
    lines: [{ productId: rice.id, quantity: 10 }],
  }).expect(409);
  expect(res.body.error.message).toContain('still pending');
  expect((await getOrder(s, order.id)).status).toBe('pending');
  expect(await quantityOf(t, rice.id)).toBe(0);
});
