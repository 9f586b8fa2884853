import request from 'supertest';
import { useTestApp } from '../../test/app';
import { memberOf, quantityOf, storeWithMember } from '../../test/factories';
import {
  expectLedgerBalanced,
  feedOf,
  getOrder,
  orderingStore,
  patchStatus,
  placeOrder,
  postReceipt,
} from '../../test/purchasing';

/** Receiving deliveries on purchase orders into the stock ledger. */
const t = useTestApp();

async function sentOrder(role: 'manager' | 'admin' = 'manager', extra: object = {}) {
  const s = await storeWithMember(t, role);
  const o = await orderingStore(s);
  const order = await placeOrder(s, o, extra);
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);
  return { s, o, order };
}

test('when a delivery comes in part by part, then stock rises by each part, the lines show what is open, and the last part completes the order', async () => {
  const { s, o, order } = await sentOrder();
  const first = await postReceipt(s, order.id, {
    lines: [{ productId: o.tea.id, quantity: 4 }],
    note: 'Van 1',
  }).expect(201);
  expect(first.body.data.receipt).toEqual({
    id: expect.any(String),
    receivedAt: expect.any(String),
    receivedBy: { id: s.user.id, name: s.user.name },
    note: 'Van 1',
    invoiceId: null,
    lines: [
      {
        productId: o.tea.id,
        product: { id: o.tea.id, name: 'Green tea', sku: o.tea.sku },
        quantity: 4,
        invoicedQuantity: 0,
      },
    ],
  });
  expect(first.body.data.order).toEqual(
    expect.objectContaining({ status: 'processing', receivedValue: 6, completedAt: null }),
  );
  expect(first.body.data.order.lines.map((l: { openQuantity: number }) => l.openQuantity)).toEqual([
    6, 40,
  ]);
  expect(await quantityOf(t, o.tea.id)).toBe(14);

  const { rows } = await t.db.pool.query(
    `SELECT product_id, delta, reason, reference_type, reference_id, note FROM stock_movements
     WHERE store_id = $1 AND reason = 'purchase_receipt'`,
    [s.storeId],
  );
  expect(rows).toEqual([
    {
      product_id: o.tea.id,
      delta: 4,
      reason: 'purchase_receipt',
      reference_type: 'purchase_receipt',
      reference_id: first.body.data.receipt.id,
      note: `Receipt for ${order.orderNumber}: Van 1`,
    },
  ]);

  const rest = await postReceipt(s, order.id, {
    lines: [
      { lineId: order.lines[1].id, quantity: 40 },
      { productId: o.tea.id, quantity: 6 },
    ],
  }).expect(201);
  expect(rest.body.data.order).toEqual(
    expect.objectContaining({
      status: 'completed',
      completedAt: expect.any(String),
      receivedValue: 25,
    }),
  );
  expect([await quantityOf(t, o.tea.id), await quantityOf(t, o.cups.id)]).toEqual([20, 40]);
  const history = await s.api
    .get(`${s.url}/purchase-orders/${order.id}/receipts`)
    .set(s.auth)
    .expect(200);
  expect(
    history.body.data.map((r: { lines: Array<{ quantity: number }> }) =>
      r.lines.map((l) => l.quantity),
    ),
  ).toEqual([[4], [6, 40]]);
  const events = await feedOf(s, 'purchase_order.updated');
  expect(events.slice(-2)).toEqual([
    {
      purchaseOrderId: order.id,
      orderNumber: order.orderNumber,
      status: 'processing',
      change: 'received',
    },
    {
      purchaseOrderId: order.id,
      orderNumber: order.orderNumber,
      status: 'completed',
      change: 'received',
    },
  ]);
  // Nothing more can come in on a completed order.
  const done = await postReceipt(s, order.id, {
    lines: [{ productId: o.tea.id, quantity: 1 }],
  }).expect(409);
  expect(done.body.error.message).toBe(
    `${order.orderNumber} is completed: everything on it has been received`,
  );
  await expectLedgerBalanced(t, s.storeId);
});

test('when more than is open arrives, then 400 names the line and says how many are open; a line that allows over-receipt takes it', async () => {
  const { s, o, order } = await sentOrder();
  await postReceipt(s, order.id, { lines: [{ productId: o.tea.id, quantity: 7 }] }).expect(201);
  const res = await postReceipt(s, order.id, {
    lines: [
      { productId: o.cups.id, quantity: 1 },
      { productId: o.tea.id, quantity: 4 },
    ],
  }).expect(400);
  expect(res.body.error.details).toEqual([
    {
      field: 'lines.1.quantity',
      message: 'is more than is open on this line: 10 ordered, 7 received, 3 open',
      code: 'too_big',
    },
  ]);
  expect([await quantityOf(t, o.tea.id), await quantityOf(t, o.cups.id)]).toEqual([17, 0]);

  const generous = await storeWithMember(t, 'manager');
  const g = await orderingStore(generous);
  const over = (
    await patchStatus(generous, (await placeOrderAllowingOver(generous, g)).id, {
      status: 'processing',
    }).expect(200)
  ).body.data;
  const got = await postReceipt(generous, over.id, {
    lines: [{ productId: g.cups.id, quantity: 42 }],
  }).expect(201);
  expect(got.body.data.order.lines[0]).toEqual(
    expect.objectContaining({ quantity: 40, receivedQuantity: 42, openQuantity: 0 }),
  );
  expect(got.body.data.order.status).toBe('completed');
  await expectLedgerBalanced(t, s.storeId);
  await expectLedgerBalanced(t, generous.storeId);
});

const placeOrderAllowingOver = async (
  s: Parameters<typeof placeOrder>[0],
  o: Parameters<typeof placeOrder>[1],
) =>
  (
    await s.api
      .post(`${s.url}/purchase-orders`)
      .set(s.auth)
      .send({
        supplierId: o.supplier.id,
        lines: [{ productId: o.cups.id, quantity: 40, unitCost: 0.25, allowOverReceipt: true }],
      })
      .expect(201)
  ).body.data;

test('when a receipt is replayed with its Idempotency-Key, then stock is added once and the replay answers the same', async () => {
  const { s, o, order } = await sentOrder();
  const body = { lines: [{ productId: o.cups.id, quantity: 5 }] };
  const first = await postReceipt(s, order.id, body, 'dock-1').expect(201);
  const replay = await postReceipt(s, order.id, body, 'dock-1').expect(201);
  expect(replay.body).toEqual(first.body);
  expect(await quantityOf(t, o.cups.id)).toBe(5);
  expect((await getOrder(s, order.id)).lines[1].receivedQuantity).toBe(5);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM purchase_receipts WHERE purchase_order_id = $1',
    [order.id],
  );
  expect(rows[0].n).toBe(1);
  await expectLedgerBalanced(t, s.storeId);
});

test('when many deliveries of one line arrive at once, then together they never exceed the order and the rest get a clear 400', async () => {
  const { s, o, order } = await sentOrder();
  const server = t.app.listen(0);
  let results: request.Response[];
  try {
    results = await Promise.all(
      Array.from({ length: 12 }, () =>
        request(server)
          .post(`${s.url}/purchase-orders/${order.id}/receive`)
          .set(s.auth)
          .send({ lines: [{ productId: o.tea.id, quantity: 3 }] }),
      ),
    );
  } finally {
    server.close();
  }
  const ok = results.filter((r) => r.status === 201);
  const refused = results.filter((r) => r.status === 400);
  expect(ok).toHaveLength(3);
  expect(refused).toHaveLength(9);
  for (const r of refused) expect(r.body.error.details[0].field).toBe('lines.0.quantity');
  const current = await getOrder(s, order.id);
  expect(current.lines[0]).toEqual(
    expect.objectContaining({ receivedQuantity: 9, openQuantity: 1 }),
  );
  expect(await quantityOf(t, o.tea.id)).toBe(19);
  await expectLedgerBalanced(t, s.storeId);
});

test('a pending or cancelled order cannot be received, and bad receipt lines are 400 with nothing changed', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const pending = await placeOrder(s, o);
  const res = await postReceipt(s, pending.id, {
    lines: [{ productId: o.tea.id, quantity: 1 }],
  }).expect(409);
  expect(res.body.error).toEqual(
    expect.objectContaining({
      code: 'INVALID_STATE',
      message: `${pending.orderNumber} is still pending: mark it as sent to the supplier (processing) before receiving`,
    }),
  );
  await patchStatus(s, pending.id, { status: 'processing' }).expect(200);
  const other = await storeWithMember(t, 'manager');
  const stranger = await orderingStore(other);
  for (const [body, field] of [
    [{ lines: [{ productId: stranger.tea.id, quantity: 1 }] }, 'lines.0.productId'],
    [
      {
        lines: [
          { lineId: pending.lines[0].id, quantity: 1 },
          { productId: o.tea.id, quantity: 1 },
        ],
      },
      'lines.1.productId',
    ],
    [
      { lines: [{ productId: o.tea.id, lineId: pending.lines[0].id, quantity: 1 }] },
      'lines.0.productId',
    ],
    [{ lines: [{ productId: o.tea.id, quantity: 0 }] }, 'lines.0.quantity'],
    [{ lines: [] }, 'lines'],
  ] as const) {
    const bad = await postReceipt(s, pending.id, body).expect(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  }
  await patchStatus(s, pending.id, { status: 'cancelled' }).expect(200);
  const cancelled = await postReceipt(s, pending.id, {
    lines: [{ productId: o.tea.id, quantity: 1 }],
  }).expect(409);
  expect(cancelled.body.error.message).toMatch(/is cancelled: nothing more is received on it/);
  expect(await quantityOf(t, o.tea.id)).toBe(10);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM purchase_receipts WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows[0].n).toBe(0);
});

test('employees receive (inventory:write) but viewers cannot; another store gets 404 for the order and its receipts', async () => {
  const { s, o, order } = await sentOrder();
  const employee = await memberOf(t, s.storeId, 'employee');
  await postReceipt(employee, order.id, { lines: [{ productId: o.tea.id, quantity: 1 }] }).expect(
    201,
  );
  const viewer = await memberOf(t, s.storeId, 'viewer');
  await postReceipt(viewer, order.id, { lines: [{ productId: o.tea.id, quantity: 1 }] }).expect(
    403,
  );
  await viewer.api
    .get(`${viewer.url}/purchase-orders/${order.id}/receipts`)
    .set(viewer.auth)
    .expect(200);
  const other = await storeWithMember(t, 'admin');
  await postReceipt(other, order.id, { lines: [{ productId: o.tea.id, quantity: 1 }] }).expect(404);
  await other.api
    .get(`${other.url}/purchase-orders/${order.id}/receipts`)
    .set(other.auth)
    .expect(404);
  expect(await quantityOf(t, o.tea.id)).toBe(11);
  await expectLedgerBalanced(t, s.storeId);
});
