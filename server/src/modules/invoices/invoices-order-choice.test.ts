import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  memberOf,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { getOrder, patchStatus, postOrder, postReceipt } from '../../test/purchasing';

/**
 * Issue 16: when more than one order could be meant, the review says which and the person
 * chooses; a preview answers what the choices would do without doing it.
 */
const t = useTestApp();

async function twoOrders(receivedAtTheDoor: boolean) {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Dairy Co' });
  const milk = await createProduct(s, { name: 'Milk', sku: 'MILK', price: 2, cost: 1 });
  const orders: Array<{ id: string; orderNumber: string }> = [];
  for (let i = 0; i < 2; i++) {
    const res = await postOrder(s, {
      supplierId: supplier.id,
      lines: [{ productId: milk.id, quantity: 10, unitCost: 1 }],
    }).expect(201);
    await patchStatus(s, res.body.data.id, { status: 'processing' }).expect(200);
    if (receivedAtTheDoor)
      await postReceipt(s, res.body.data.id, {
        lines: [{ productId: milk.id, quantity: 10 }],
      }).expect(201);
    orders.push(res.body.data);
  }
  const up = await uploadInvoice(
    s,
    csvOf([
      ['Vendor', 'Dairy Co', 'Invoice No', 'X-1'],
      ['SKU', 'Description', 'Qty', 'Unit Cost'],
      ['MILK', 'Milk', 10, 1],
    ]),
    'x1.csv',
  ).expect(201);
  const [a, b] = orders as [(typeof orders)[0], (typeof orders)[0]];
  return { s, milk, a, b, invoiceId: up.body.data.invoiceId as string, up: up.body.data };
}

const preview = (s: StoreMember, id: string, body: object) =>
  s.api.post(`${s.url}/invoices/${id}/reconcile/preview`).set(s.auth).send(body);
const reconcile = (s: StoreMember, id: string, body: object) =>
  s.api.post(`${s.url}/invoices/${id}/reconcile`).set(s.auth).send(body);

test('when two open orders could receive the invoice, then none is picked: the review and the refusal name both, and the person chooses', async () => {
  const { s, milk, a, b, invoiceId, up } = await twoOrders(false);
  expect(up.invoice.purchaseOrder).toBeNull();
  const line = up.matchingResults.lines[0];
  expect(line.threeWay).toEqual(
    expect.objectContaining({
      action: null,
      receiveNow: 10,
      receiveOrder: null,
      orderChoiceRequired: true,
    }),
  );
  expect(line.threeWay.orders.map((o: { id: string; open: number }) => [o.id, o.open])).toEqual([
    [a.id, 10],
    [b.id, 10],
  ]);

  const receiveNow = { lineId: line.lineId, productId: milk.id, action: 'receive_now' };
  const unsure = await preview(s, invoiceId, { lines: [receiveNow] }).expect(200);
  expect(unsure.body.data.ready).toBe(false);
  expect(unsure.body.data.problems).toEqual([
    {
      field: 'lines.0.purchaseOrderId',
      code: 'order_choice',
      message: `line 1 (Milk): ${a.orderNumber} (10 open) or ${b.orderNumber} (10 open) could each be meant: choose the order (purchaseOrderId)`,
    },
  ]);
  const refused = await reconcile(s, invoiceId, { lines: [receiveNow] }).expect(400);
  expect(refused.body.error.details[0].code).toBe('order_choice');
  expect(await quantityOf(t, milk.id)).toBe(0);

  // The second order, chosen for the whole invoice: the preview shows it, then it is done.
  const chosen = { purchaseOrderId: b.id, lines: [receiveNow] };
  const sure = await preview(s, invoiceId, chosen).expect(200);
  expect(sure.body.data.ready).toBe(true);
  expect(sure.body.data.matchingResults.lines[0].threeWay).toEqual(
    expect.objectContaining({
      action: 'receive_now',
      receiveNow: 10,
      receiveOrder: { id: b.id, orderNumber: b.orderNumber },
      orderChoiceRequired: false,
    }),
  );
  expect(await quantityOf(t, milk.id)).toBe(0);
  const done = await reconcile(s, invoiceId, chosen).expect(200);
  expect(done.body.data.settles.orders).toEqual([{ id: b.id, orderNumber: b.orderNumber }]);
  expect(done.body.data.purchaseOrder).toEqual({ id: b.id, orderNumber: b.orderNumber });
  expect(await quantityOf(t, milk.id)).toBe(10);
  expect((await getOrder(s, a.id)).lines[0].receivedQuantity).toBe(0);
  expect((await getOrder(s, b.id)).lines[0].receivedQuantity).toBe(10);
});

test('when deliveries of two orders could be what the invoice bills, then the person picks the order and only its receipt is settled', async () => {
  const { s, milk, a, b, invoiceId, up } = await twoOrders(true);
  const line = up.matchingResults.lines[0];
  expect(line.threeWay).toEqual(
    expect.objectContaining({
      action: 'already_received',
      orderChoiceRequired: true,
      received: { quantity: 20, receipts: [] },
    }),
  );
  await reconcile(s, invoiceId, { lines: [{ lineId: line.lineId, productId: milk.id }] }).expect(
    400,
  );
  const done = await reconcile(s, invoiceId, {
    lines: [{ lineId: line.lineId, productId: milk.id, purchaseOrderId: a.id }],
  }).expect(200);
  expect(done.body.data.settles.orders).toEqual([{ id: a.id, orderNumber: a.orderNumber }]);
  expect(await quantityOf(t, milk.id)).toBe(20);
  const { rows } = await t.db.pool.query(
    `SELECT r.purchase_order_id, rl.invoiced_quantity FROM purchase_receipt_lines rl
     JOIN purchase_receipts r ON r.id = rl.receipt_id WHERE rl.product_id = $1 ORDER BY rl.invoiced_quantity`,
    [milk.id],
  );
  expect(rows).toEqual([
    { purchase_order_id: b.id, invoiced_quantity: 0 },
    { purchase_order_id: a.id, invoiced_quantity: 10 },
  ]);
});

test("when a preview is asked by someone without invoice:process, of another store, of a reconciled invoice, or with a line or order that is not the invoice's, then 403, 404, 409 and 400", async () => {
  const { s, milk, a, invoiceId, up } = await twoOrders(true);
  const line = up.matchingResults.lines[0];
  const employee = await memberOf(t, s.storeId, 'employee');
  await preview(employee, invoiceId, {}).expect(403);
  const other = await storeWithMember(t, 'manager');
  await preview(other, invoiceId, {}).expect(404);
  const badLine = await preview(s, invoiceId, {
    lines: [{ lineId: invoiceId, productId: null }],
  }).expect(400);
  expect(badLine.body.error.details[0]).toEqual(
    expect.objectContaining({ field: 'lines.0.lineId', code: 'not_found' }),
  );
  const notCandidate = await preview(s, invoiceId, {
    lines: [{ lineId: line.lineId, productId: milk.id, purchaseOrderId: invoiceId }],
  }).expect(200);
  expect(notCandidate.body.data.problems[0]).toEqual(
    expect.objectContaining({ field: 'lines.0.purchaseOrderId', code: 'not_a_candidate' }),
  );
  await preview(s, invoiceId, {
    lines: [{ lineId: line.lineId, productId: milk.id, action: 'maybe' }],
  }).expect(400);
  await reconcile(s, invoiceId, {
    lines: [{ lineId: line.lineId, productId: milk.id, purchaseOrderId: a.id }],
  }).expect(200);
  const late = await preview(s, invoiceId, {}).expect(409);
  expect(late.body.error.code).toBe('INVALID_STATE');
  // A bad confirmation is a 400, not a payment.
  await s.api
    .put(`${s.url}/invoices/${invoiceId}/status`)
    .set(s.auth)
    .send({ status: 'paid', confirm: { whatever: true } })
    .expect(400);
});
