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
      message: `line 1 (Milk): more than one order could be meant, choose the order (purchaseOrderId): ${a.orderNumber}: 10 still to come; or ${b.orderNumber}: 10 still to come`,
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
  // Nothing is preselected while the order is to be chosen, and the two deliveries are not
  // added up into one variance ("10 billed, 20 received").
  expect(line.threeWay).toEqual(
    expect.objectContaining({
      action: null,
      orderChoiceRequired: true,
      ordered: null,
      received: { quantity: 20, receipts: [] },
      variances: [],
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

test('when a delivery of order A covers the line but order B still expects the product, then nothing is chosen silently: the review asks which order, naming both, until the person says', async () => {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Dairy Co' });
  const milk = await createProduct(s, { name: 'Milk', sku: 'MILK', price: 2, cost: 1 });
  const order = async () => {
    const res = await postOrder(s, {
      supplierId: supplier.id,
      lines: [{ productId: milk.id, quantity: 10, unitCost: 1 }],
    }).expect(201);
    await patchStatus(s, res.body.data.id, { status: 'processing' }).expect(200);
    return res.body.data as { id: string; orderNumber: string };
  };
  const a = await order();
  await postReceipt(s, a.id, { lines: [{ productId: milk.id, quantity: 10 }] }).expect(201);
  const b = await order();
  const up = await uploadInvoice(
    s,
    csvOf([
      ['Vendor', 'Dairy Co', 'Invoice No', 'S-1'],
      ['SKU', 'Description', 'Qty', 'Unit Cost'],
      ['MILK', 'Milk', 10, 1],
    ]),
    's1.csv',
  ).expect(201);
  const invoiceId = up.body.data.invoiceId as string;
  const line = up.body.data.matchingResults.lines[0];
  // Before the fix: "already_received" on A by default, no choice, the preview ready.
  expect(line.threeWay).toEqual(
    expect.objectContaining({
      action: null,
      orderChoiceRequired: true,
      ordered: null,
      received: { quantity: 10, receipts: [] },
      receiveNow: 0,
      receiveOrder: null,
    }),
  );
  const choice = {
    field: 'lines.0.purchaseOrderId',
    code: 'order_choice',
    message: `line 1 (Milk): more than one order could be meant, choose the order (purchaseOrderId): ${a.orderNumber}: 10 received, not invoiced; or ${b.orderNumber}: 10 still to come`,
  };
  const defaults = await preview(s, invoiceId, {
    lines: [{ lineId: line.lineId, productId: milk.id }],
  }).expect(200);
  expect([defaults.body.data.ready, defaults.body.data.problems]).toEqual([false, [choice]]);
  // Saying "already received" does not say which order either.
  for (const action of [undefined, 'already_received', 'receive_now']) {
    const refused = await reconcile(s, invoiceId, {
      lines: [{ lineId: line.lineId, productId: milk.id, ...(action ? { action } : {}) }],
    }).expect(400);
    expect(refused.body.error.details).toEqual([choice]);
  }
  expect(await quantityOf(t, milk.id)).toBe(10);

  // The person says the invoice is for B's goods, which came with it: received into B; A's
  // delivery still waits for its own invoice.
  const chosen = { lineId: line.lineId, productId: milk.id, purchaseOrderId: b.id };
  const seen = await preview(s, invoiceId, { lines: [chosen] }).expect(200);
  expect(seen.body.data.matchingResults.lines[0].threeWay).toEqual(
    expect.objectContaining({ action: null, receiveNow: 10, orderChoiceRequired: false }),
  );
  expect(seen.body.data.problems).toEqual([expect.objectContaining({ code: 'undecided' })]);
  await reconcile(s, invoiceId, { lines: [{ ...chosen, action: 'receive_now' }] }).expect(200);
  expect(await quantityOf(t, milk.id)).toBe(20);
  expect((await getOrder(s, b.id)).lines[0].receivedQuantity).toBe(10);
  const { rows } = await t.db.pool.query(
    `SELECT r.purchase_order_id, rl.invoiced_quantity FROM purchase_receipt_lines rl
     JOIN purchase_receipts r ON r.id = rl.receipt_id WHERE rl.product_id = $1
     ORDER BY rl.invoiced_quantity`,
    [milk.id],
  );
  expect(rows).toEqual([
    { purchase_order_id: a.id, invoiced_quantity: 0 },
    { purchase_order_id: b.id, invoiced_quantity: 10 },
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
