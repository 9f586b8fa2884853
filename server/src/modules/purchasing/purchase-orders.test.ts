import request from 'supertest';
import { useTestApp } from '../../test/app';
import { countRows, memberOf, storeWithMember } from '../../test/factories';
import { feedOf, getOrder, orderingStore, placeOrder, postOrder } from '../../test/purchasing';

/** Creating, reading, editing and deleting purchase orders. */
const t = useTestApp();

const year = new Date().getUTCFullYear();
const line = (productId: string) => ({ productId, quantity: 2, unitCost: 1 });

test('when a manager orders from a supplier, then a pending numbered order with totals is stored, the supplier items remember the cost and the feed announces it', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const res = await postOrder(s, {
    supplierId: o.supplier.id,
    expectedAt: '2026-12-24',
    notes: 'Back door',
    lines: [
      { productId: o.tea.id, quantity: 3, unitCost: 1.35 },
      { productId: o.cups.id, quantity: 7, unitCost: 0.33, allowOverReceipt: true },
    ],
  }).expect(201);
  const order = res.body.data;
  expect(order).toEqual({
    id: expect.any(String),
    orderNumber: expect.stringMatching(/^PO-\d{4}-000001$/),
    status: 'pending',
    supplier: { id: o.supplier.id, name: 'Acme Wholesale' },
    expectedAt: '2026-12-24',
    notes: 'Back door',
    lines: [
      {
        id: expect.any(String),
        productId: o.tea.id,
        product: { id: o.tea.id, name: 'Green tea', sku: o.tea.sku, barcode: null },
        quantity: 3,
        receivedQuantity: 0,
        openQuantity: 3,
        unitCost: 1.35,
        lineTotal: 4.05,
        allowOverReceipt: false,
      },
      expect.objectContaining({ productId: o.cups.id, lineTotal: 2.31, allowOverReceipt: true }),
    ],
    total: 6.36,
    receivedValue: 0,
    shoppingListId: null,
    orderedAt: expect.any(String),
    processingAt: null,
    shippedAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    sentAt: null,
    sentTo: null,
    createdAt: expect.any(String),
    updatedAt: expect.any(String),
  });
  expect([`PO-${year}-000001`, `PO-${year - 1}-000001`, `PO-${year + 1}-000001`]).toContain(
    order.orderNumber,
  );
  expect(await getOrder(s, order.id)).toEqual(order);
  const { rows } = await t.db.pool.query(
    `SELECT o.total, o.status, o.created_by, count(l.*)::int AS lines FROM purchase_orders o
     JOIN purchase_order_lines l ON l.purchase_order_id = o.id WHERE o.id = $1 GROUP BY o.id`,
    [order.id],
  );
  expect(rows).toEqual([{ total: '6.36', status: 'pending', created_by: s.user.id, lines: 2 }]);
  const { rows: items } = await t.db.pool.query(
    `SELECT product_id, last_cost, last_ordered_at IS NOT NULL AS ordered FROM supplier_items
     WHERE store_id = $1 AND supplier_id = $2 ORDER BY last_cost`,
    [s.storeId, o.supplier.id],
  );
  expect(items).toEqual([
    { product_id: o.cups.id, last_cost: '0.33', ordered: true },
    { product_id: o.tea.id, last_cost: '1.35', ordered: true },
  ]);
  expect(await feedOf(s, 'purchase_order.updated')).toEqual([
    {
      purchaseOrderId: order.id,
      orderNumber: order.orderNumber,
      status: 'pending',
      change: 'created',
    },
  ]);
});

test('when the same create is sent twice with one Idempotency-Key, then one order exists and the replay answers the same', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const body = {
    supplierId: o.supplier.id,
    lines: [{ productId: o.tea.id, quantity: 1, unitCost: 1 }],
  };
  const first = await postOrder(s, body, 'po-1').expect(201);
  const again = await postOrder(s, body, 'po-1').expect(201);
  expect(again.body).toEqual(first.body);
  expect(await countRows(t, 'purchase_orders', s.storeId)).toBe(1);
  const other = await postOrder(s, { ...body, notes: 'x' }, 'po-1').expect(422);
  expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
});

test('when 20 orders are created at once, then each gets its own number, without gaps when all succeed', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const server = t.app.listen(0);
  try {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(server)
          .post(`${s.url}/purchase-orders`)
          .set(s.auth)
          .send({
            supplierId: o.supplier.id,
            lines: [{ productId: o.tea.id, quantity: 1, unitCost: 1 }],
          }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.data.orderNumber as string);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  } finally {
    server.close();
  }
  const { rows } = await t.db.pool.query(
    'SELECT last_number FROM purchase_order_counters WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows).toEqual([{ last_number: 20 }]);
});

test('roles and tenancy: employees and viewers read orders but cannot create, edit or delete them; another store is 404 or 403', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const order = await placeOrder(s, o);
  for (const role of ['employee', 'viewer'] as const) {
    const m = await memberOf(t, s.storeId, role);
    await m.api.get(`${m.url}/purchase-orders`).set(m.auth).expect(200);
    await m.api.get(`${m.url}/purchase-orders/${order.id}`).set(m.auth).expect(200);
    await postOrder(m, { supplierId: o.supplier.id, lines: [line(o.tea.id)] }).expect(403);
    await m.api
      .patch(`${m.url}/purchase-orders/${order.id}`)
      .set(m.auth)
      .send({ notes: 'x' })
      .expect(403);
    await m.api.delete(`${m.url}/purchase-orders/${order.id}`).set(m.auth).expect(403);
  }
  const other = await storeWithMember(t, 'admin');
  await other.api.get(`${other.url}/purchase-orders/${order.id}`).set(other.auth).expect(404);
  await other.api
    .patch(`${other.url}/purchase-orders/${order.id}`)
    .set(other.auth)
    .send({ notes: 'x' })
    .expect(404);
  await other.api.delete(`${other.url}/purchase-orders/${order.id}`).set(other.auth).expect(404);
  await other.api.get(`${s.url}/purchase-orders`).set(other.auth).expect(403);
  const list = await other.api.get(`${other.url}/purchase-orders`).set(other.auth).expect(200);
  expect(list.body.data).toEqual([]);
  // Another store's supplier cannot be ordered from.
  const res = await postOrder(other, { supplierId: o.supplier.id, lines: [line(o.tea.id)] }).expect(
    400,
  );
  expect(res.body.error.details[0].field).toBe('supplierId');
  expect((await getOrder(s, order.id)).notes).toBeNull();
});

test('when a pending order is edited, then its lines and total change; once sent to the supplier it is 409 and unchanged', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const order = await placeOrder(s, o);
  const edited = await s.api
    .patch(`${s.url}/purchase-orders/${order.id}`)
    .set(s.auth)
    .send({
      expectedAt: '2027-01-05',
      lines: [{ productId: o.cups.id, quantity: 100, unitCost: 0.2 }],
    })
    .expect(200);
  expect(edited.body.data).toEqual(
    expect.objectContaining({
      expectedAt: '2027-01-05',
      notes: null,
      total: 20,
      orderNumber: order.orderNumber,
    }),
  );
  expect(edited.body.data.lines).toHaveLength(1);
  const supplierChange = await s.api
    .patch(`${s.url}/purchase-orders/${order.id}`)
    .set(s.auth)
    .send({ supplierId: o.supplier.id })
    .expect(400);
  expect(supplierChange.body.error.details[0].field).toBe('supplierId');
  await s.api
    .patch(`${s.url}/purchase-orders/${order.id}/status`)
    .set(s.auth)
    .send({ status: 'processing' })
    .expect(200);
  const refused = await s.api
    .patch(`${s.url}/purchase-orders/${order.id}`)
    .set(s.auth)
    .send({ notes: 'late' })
    .expect(409);
  expect(refused.body.error).toEqual(
    expect.objectContaining({
      code: 'INVALID_STATE',
      message: `${order.orderNumber} is processing: only a pending order can be edited; cancel it instead`,
    }),
  );
  expect((await getOrder(s, order.id)).notes).toBeNull();
  expect(
    (await feedOf(s, 'purchase_order.updated')).map((e: { change: string }) => e.change),
  ).toEqual(['created', 'edited', 'status']);
});

test('when a pending order is deleted, then it is gone; an order that went to the supplier is 409: cancel it instead', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const pending = await placeOrder(s, o);
  const sent = await placeOrder(s, o);
  await s.api.delete(`${s.url}/purchase-orders/${pending.id}`).set(s.auth).expect(204);
  await s.api.get(`${s.url}/purchase-orders/${pending.id}`).set(s.auth).expect(404);
  await s.api
    .patch(`${s.url}/purchase-orders/${sent.id}/status`)
    .set(s.auth)
    .send({ status: 'processing' })
    .expect(200);
  const res = await s.api.delete(`${s.url}/purchase-orders/${sent.id}`).set(s.auth).expect(409);
  expect(res.body.error.message).toMatch(/cancel it instead/);
  expect(await countRows(t, 'purchase_orders', s.storeId)).toBe(1);
  const changes = (await feedOf(s, 'purchase_order.updated')).filter(
    (e: { purchaseOrderId: string }) => e.purchaseOrderId === pending.id,
  );
  expect(changes.map((e: { change: string }) => e.change)).toEqual(['created', 'deleted']);
});
