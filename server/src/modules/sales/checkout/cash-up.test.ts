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
    people: [
      {
        user: { id: s.user.id, name: s.user.name },
        sales: 4,
        total: 28,
        payments: [
          { method: 'cash', amount: 20 },
          { method: 'card', amount: 10 },
          { method: 'other', amount: 0 },
        ],
        changeGiven: 6,
      },
    ],
    counted: null,
    counts: [],
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

test('when the drawer is counted, then the cash-up keeps the count with its difference, per store day, latest first', async () => {
  const s = await storeWithMember(t, 'manager');
  // A store far ahead of UTC: its day is not the UTC day for much of it.
  const admin = await memberOf(t, s.storeId, 'admin');
  await admin.api.patch(s.url).set(admin.auth).send({ timezone: 'Pacific/Kiritimati' }).expect(200);
  const p = await createProduct(s, { name: 'Tea', price: 3, initialQuantity: 50 });
  const employee = await memberOf(t, s.storeId, 'employee');
  await postSale(s, {
    items: [{ productId: p.id, quantity: 2 }],
    payments: [{ method: 'cash', amount: 10 }],
  }).expect(201); // 6.00 in the drawer
  await postSale(employee, {
    items: [{ productId: p.id, quantity: 1 }],
    payments: [{ method: 'cash', amount: 5 }],
  }).expect(201); // 3.00 more
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(
    new Date(),
  );
  const count = (body: object, who = s) =>
    who.api.post(`${s.url}/cash-up`).set(who.auth).send(body);

  const short = await count({ date: today, countedCash: 8.5, note: 'Float checked' }).expect(201);
  expect(short.body.data).toMatchObject({
    countedCash: 8.5,
    expectedCash: 9,
    difference: -0.5,
    note: 'Float checked',
    countedBy: { id: s.user.id, name: s.user.name },
  });
  const again = () =>
    s.api
      .post(`${s.url}/cash-up`)
      .set(s.auth)
      .set('Idempotency-Key', `recount-${s.storeId}`)
      .send({ date: today, countedCash: 9 });
  const recount = await again().expect(201);
  expect(recount.body.data.difference).toBe(0);
  // A retry under the same key answers the same count and records no other.
  expect((await again().expect(201)).body.data.id).toBe(recount.body.data.id);

  const day = (await s.api.get(`${s.url}/cash-up?date=${today}`).set(s.auth).expect(200)).body.data;
  expect(day.timezone).toBe('Pacific/Kiritimati');
  expect(day.expectedCash).toBe(9);
  expect(day.counted).toMatchObject({ id: recount.body.data.id, countedCash: 9, difference: 0 });
  expect(day.counts.map((c: { id: string }) => c.id)).toEqual([
    recount.body.data.id,
    short.body.data.id,
  ]);
  expect(
    day.people.map((x: { user: { id: string }; total: number }) => [x.user.id, x.total]),
  ).toEqual([
    [s.user.id, 6],
    [employee.user.id, 3],
  ]);
  const rows = await t.db.pool.query(
    'SELECT day::text, counted_cash, expected_cash FROM cash_counts WHERE store_id = $1 ORDER BY counted_at',
    [s.storeId],
  );
  expect(rows.rows).toEqual([
    { day: today, counted_cash: '8.50', expected_cash: '9.00' },
    { day: today, counted_cash: '9.00', expected_cash: '9.00' },
  ]);

  // Who may count: managers and admins of this store.
  await count({ date: today, countedCash: 1 }, employee).expect(403);
  const viewer = await memberOf(t, s.storeId, 'viewer');
  await count({ date: today, countedCash: 1 }, viewer).expect(403);
  const other = await storeWithMember(t, 'admin');
  await count({ date: today, countedCash: 1 }, { ...other, url: s.url }).expect(403);
  const theirs = await other.api.get(`${other.url}/cash-up?date=${today}`).set(other.auth);
  expect(theirs.body.data.counts).toEqual([]);
  // Bad input changes nothing.
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  for (const bad of [
    { date: tomorrow, countedCash: 1 },
    { date: today, countedCash: -1 },
    { date: today, countedCash: 1.234 },
    { date: today },
    { date: 'today', countedCash: 1 },
    { date: today, countedCash: 1, extra: true },
  ])
    await count(bad).expect(400);
  expect(
    (await t.db.pool.query('SELECT 1 FROM cash_counts WHERE store_id = $1', [s.storeId])).rowCount,
  ).toBe(2);
});
