import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, storeWithMember } from '../../test/factories';
import {
  orderingStore,
  patchStatus,
  placeOrder,
  postOrder,
  postReceipt,
} from '../../test/purchasing';

/** A supplier's delivery record, computed from its real purchase orders. */
const t = useTestApp();

const monthOf = (d: Date) => d.toISOString().slice(0, 7);
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('when a supplier has no orders, then its metrics are nulls and zeros and every month is there, empty', async () => {
  const s = await storeWithMember(t, 'viewer');
  const admin = await storeWithMember(t, 'admin');
  const supplier = await createSupplier(admin);
  const res = await admin.api
    .get(`${admin.url}/suppliers/${supplier.id}/performance?months=3`)
    .set(admin.auth)
    .expect(200);
  expect(res.body.data.metrics).toEqual({
    onTimeDeliveryRate: null,
    averageLeadTimeDays: null,
    totalOrders: 0,
    cancelledOrders: 0,
    totalValue: 0,
    averageOrderValue: null,
  });
  expect(res.body.data.trends).toHaveLength(3);
  expect(res.body.data.trends[2]).toEqual({
    month: monthOf(new Date()),
    orders: 0,
    value: 0,
    onTimeRate: null,
    averageLeadTimeDays: null,
  });
  expect(res.body.data.trends.map((m: { month: string }) => m.month)).toEqual(
    [...res.body.data.trends.map((m: { month: string }) => m.month)].sort(),
  );
  // Tenancy and input.
  await s.api.get(`${s.url}/suppliers/${supplier.id}/performance`).set(s.auth).expect(404);
  await s.api.get(`${admin.url}/suppliers/${supplier.id}/performance`).set(s.auth).expect(403);
  await admin.api
    .get(`${admin.url}/suppliers/${supplier.id}/performance?months=0`)
    .set(admin.auth)
    .expect(400);
  await admin.api
    .get(`${admin.url}/suppliers/${supplier.id}/performance?months=61`)
    .set(admin.auth)
    .expect(400);
  await admin.api
    .get(`${admin.url}/suppliers/${supplier.id}/performance?weeks=2`)
    .set(admin.auth)
    .expect(400);
});

test('when orders are completed on time and late, cancelled and still open, then the rate, lead time, totals and months follow them', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const receiveAll = async (id: string) => {
    await patchStatus(s, id, { status: 'processing' }).expect(200);
    await postReceipt(s, id, {
      lines: [
        { productId: o.tea.id, quantity: 10 },
        { productId: o.cups.id, quantity: 40 },
      ],
    }).expect(201);
  };
  const onTime = await placeOrder(s, o, { expectedAt: day(5) }); // total 25
  const late = await placeOrder(s, o, { expectedAt: day(-1) });
  const cancelled = await placeOrder(s, o);
  const open = await placeOrder(s, o, { expectedAt: day(10) });
  await receiveAll(onTime.id);
  await receiveAll(late.id);
  await patchStatus(s, cancelled.id, { status: 'cancelled' }).expect(200);
  // Lead times of 2 and 4 days.
  await t.db.pool.query(
    "UPDATE purchase_orders SET ordered_at = completed_at - interval '2 days' WHERE id = $1",
    [onTime.id],
  );
  await t.db.pool.query(
    "UPDATE purchase_orders SET ordered_at = completed_at - interval '4 days' WHERE id = $1",
    [late.id],
  );

  const res = await s.api
    .get(`${s.url}/suppliers/${o.supplier.id}/performance`)
    .set(s.auth)
    .expect(200);
  expect(res.body.data.metrics).toEqual({
    onTimeDeliveryRate: 0.5,
    averageLeadTimeDays: 3,
    totalOrders: 3,
    cancelledOrders: 1,
    totalValue: 75,
    averageOrderValue: 25,
  });
  expect(res.body.data.trends).toHaveLength(12);
  const months = res.body.data.trends.filter((m: { orders: number }) => m.orders > 0);
  const total = months.reduce((n: number, m: { orders: number }) => n + m.orders, 0);
  expect(total).toBe(3);

  // An order placed two months back lands in its own month.
  const old = new Date();
  old.setUTCDate(15);
  old.setUTCMonth(old.getUTCMonth() - 2);
  await t.db.pool.query('UPDATE purchase_orders SET ordered_at = $2 WHERE id = $1', [open.id, old]);
  const again = await s.api
    .get(`${s.url}/suppliers/${o.supplier.id}/performance?months=3`)
    .set(s.auth)
    .expect(200);
  expect(again.body.data.trends[0]).toEqual({
    month: monthOf(old),
    orders: 1,
    value: 25,
    onTimeRate: null,
    averageLeadTimeDays: null,
  });
});

test('the supplier shows its open orders, last order and on-time rate, and they change as orders are placed and received', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const view = async () =>
    (await s.api.get(`${s.url}/suppliers/${o.supplier.id}`).set(s.auth).expect(200)).body.data;
  expect(await view()).toEqual(
    expect.objectContaining({ openOrders: 0, lastOrderAt: null, onTimeDeliveryRate: null }),
  );
  const order = await placeOrder(s, o, { expectedAt: day(3) });
  expect(await view()).toEqual(
    expect.objectContaining({
      openOrders: 1,
      lastOrderAt: order.orderedAt,
      onTimeDeliveryRate: null,
    }),
  );
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);
  await postReceipt(s, order.id, {
    lines: [
      { productId: o.tea.id, quantity: 10 },
      { productId: o.cups.id, quantity: 40 },
    ],
  }).expect(201);
  expect(await view()).toEqual(expect.objectContaining({ openOrders: 0, onTimeDeliveryRate: 1 }));
  const list = await s.api.get(`${s.url}/suppliers`).set(s.auth).expect(200);
  expect(list.body.data[0]).toEqual(
    expect.objectContaining({ openOrders: 0, onTimeDeliveryRate: 1 }),
  );
});

test("a supplier's products include what was ordered from it, with the last cost and order date", async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const own = await createProduct(s, { name: 'House blend', price: 9, supplierId: o.supplier.id });
  const order = await postOrder(s, {
    supplierId: o.supplier.id,
    lines: [{ productId: o.tea.id, quantity: 2, unitCost: 1.1 }],
  }).expect(201);
  const res = await s.api
    .get(`${s.url}/suppliers/${o.supplier.id}/products`)
    .set(s.auth)
    .expect(200);
  expect(
    res.body.data.map(
      (p: { name: string; lastCost: number | null; lastOrderedAt: string | null }) => [
        p.name,
        p.lastCost,
        p.lastOrderedAt,
      ],
    ),
  ).toEqual([
    ['Green tea', 1.1, order.body.data.orderedAt],
    ['House blend', null, null],
  ]);
  expect(res.body.pagination.total).toBe(2);
  // The product list itself is unchanged.
  const plain = await s.api
    .get(`${s.url}/products?supplier=${o.supplier.id}`)
    .set(s.auth)
    .expect(200);
  expect(plain.body.data.map((p: { id: string }) => p.id)).toEqual([own.id]);
  expect(plain.body.data[0].lastCost).toBeUndefined();
});

test('a supplier or product that was ordered cannot be deleted: 409 says to deactivate it; one never ordered can', async () => {
  const s = await storeWithMember(t, 'admin');
  const o = await orderingStore(s);
  await placeOrder(s, o);
  const res = await s.api.delete(`${s.url}/suppliers/${o.supplier.id}`).set(s.auth).expect(409);
  expect(res.body.error).toEqual(
    expect.objectContaining({
      code: 'CONFLICT',
      message: 'This supplier has purchase orders, so it cannot be deleted; deactivate it instead',
    }),
  );
  const product = await s.api.delete(`${s.url}/products/${o.cups.id}`).set(s.auth).expect(409);
  expect(product.body.error.message).toBe(
    'This product is on purchase orders, so it cannot be deleted; deactivate it instead',
  );
  await s.api.get(`${s.url}/suppliers/${o.supplier.id}`).set(s.auth).expect(200);
  await s.api.get(`${s.url}/products/${o.cups.id}`).set(s.auth).expect(200);
  const unused = await createSupplier(s);
  await s.api.delete(`${s.url}/suppliers/${unused.id}`).set(s.auth).expect(204);
});
