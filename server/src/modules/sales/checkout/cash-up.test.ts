import { useTestApp } from '../../../test/app';
import { createProduct, memberOf, storeWithMember } from '../../../test/factories';
import { postRefund, postSale, postVoid } from '../../../test/requests';

/** The cash-up of a day: payments by method, change, refunds by method, voids, cash expected. */
const t = useTestApp();

test('a day’s cash-up counts payments by method, the change, refunds and voids, and the cash the drawer should hold', async () => {
  const s = await storeWithMember(t, 'manager');
  const p = await createProduct(s, { name: 'Jam', price: 4, initialQuantity: 50 });
  const sell = (quantity: number, payments?: object[]) =>
    postSale(s, {
      items: [{ productId: p.id, quantity }],
      ...(payments ? { payments } : {}),
    }).expect(201);
  await sell(2, [{ method: 'cash', amount: 10 }]); // 8.00, change 2.00
  await sell(1, [{ method: 'card', amount: 4 }]);
  const split = (
    await sell(3, [
      { method: 'card', amount: 6 },
      { method: 'cash', amount: 10 },
    ])
  ).body.data; // 12.00, change 4.00
  await sell(1); // no payments recorded
  const voided = (await sell(1, [{ method: 'cash', amount: 4 }])).body.data;
  await postVoid(s, voided.id, { reason: 'Scanned twice' }).expect(200);
  await postRefund(s, split.id, {
    lines: [{ saleLineId: split.items[0].id, quantity: 1 }],
    reason: 'Cracked jar',
    method: 'cash',
  }).expect(201);

  const today = new Date().toISOString().slice(0, 10);
  const res = await s.api.get(`${s.url}/cash-up?date=${today}`).set(s.auth).expect(200);
  expect(res.body.data).toEqual({
    date: today,
    timezone: 'UTC',
    sales: { count: 4, total: 28 },
    taxTotal: 0,
    discountTotal: 0,
    payments: [
      { method: 'cash', count: 2, amount: 20 },
      { method: 'card', count: 2, amount: 10 },
      { method: 'other', count: 0, amount: 0 },
    ],
    changeGiven: 6,
    refunds: [
      { method: 'cash', count: 1, amount: 4 },
      { method: 'card', count: 0, amount: 0 },
      { method: 'other', count: 0, amount: 0 },
      { method: 'unspecified', count: 0, amount: 0 },
    ],
    voids: { count: 1, total: 4 },
    // 20 tendered − 6 change − 4 refunded.
    expectedCash: 10,
  });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const empty = await s.api.get(`${s.url}/cash-up?date=${yesterday}`).set(s.auth).expect(200);
  expect(empty.body.data).toMatchObject({ sales: { count: 0, total: 0 }, expectedCash: 0 });

  const employee = await memberOf(t, s.storeId, 'employee');
  await employee.api.get(`${s.url}/cash-up?date=${today}`).set(employee.auth).expect(403);
  const other = await storeWithMember(t, 'admin');
  const theirs = await other.api
    .get(`${other.url}/cash-up?date=${today}`)
    .set(other.auth)
    .expect(200);
  expect(theirs.body.data.sales).toEqual({ count: 0, total: 0 });
  for (const date of ['2026-13-01', 'today', '']) {
    await s.api.get(`${s.url}/cash-up?date=${date}`).set(s.auth).expect(400);
  }
  await s.api.get(`${s.url}/cash-up`).set(s.auth).expect(400);
});
