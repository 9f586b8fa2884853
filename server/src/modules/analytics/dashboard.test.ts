import { buildTestApp, type TestApp } from '../../test/app';
import { memberOf, storeWithMember } from '../../test/factories';

let t: TestApp;
let replica: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // A second API process on the same database and cache (Redis when REDIS_URL is set).
  replica = await buildTestApp({}, t);
});
afterAll(async () => {
  await replica.close();
  await t.close();
});

test('the dashboard adds up the catalogue, stock value, alerts, movers and the 30-day trend', async () => {
  const s = await storeWithMember(t);
  const cat = (
    await t.api.post(`${s.url}/categories`).set(s.auth).send({ name: 'Drinks' }).expect(201)
  ).body.data;
  const soon = new Date(Date.now() + 3 * 864e5).toISOString().slice(0, 10);
  const cola = (
    await t.api
      .post(`${s.url}/products`)
      .set(s.auth)
      .send({
        name: 'Cola',
        price: 2,
        cost: 1,
        initialQuantity: 20,
        reorderPoint: 5,
        categoryId: cat.id,
      })
      .expect(201)
  ).body.data;
  await t.api
    .post(`${s.url}/products`)
    .set(s.auth)
    .send({
      name: 'Juice',
      price: 3,
      cost: 2,
      initialQuantity: 2,
      reorderPoint: 5,
      expiresAt: soon,
      categoryId: cat.id,
    })
    .expect(201);
  await t.api
    .post(`${s.url}/products`)
    .set(s.auth)
    .send({ name: 'Water', price: 1, initialQuantity: 0 })
    .expect(201);
  await t.api
    .post(`${s.url}/sales`)
    .set(s.auth)
    .send({ items: [{ productId: cola.id, quantity: 4 }] })
    .expect(201);

  const d = (await t.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200)).body.data;
  expect(d.totals).toEqual({
    products: 3,
    activeProducts: 3,
    units: 18,
    inventoryValueCost: 20,
    inventoryValueRetail: 38,
  });
  expect([d.lowStockCount, d.outOfStockCount, d.expiringSoonCount]).toEqual([1, 1, 1]);
  expect(d.categoryBreakdown).toEqual(
    expect.arrayContaining([
      {
        categoryId: cat.id,
        name: 'Drinks',
        products: 2,
        units: 18,
        valueCost: 20,
        valueRetail: 38,
      },
      {
        categoryId: null,
        name: 'Uncategorised',
        products: 1,
        units: 0,
        valueCost: 0,
        valueRetail: 0,
      },
    ]),
  );
  expect(d.topMovers).toEqual([
    { productId: cola.id, name: 'Cola', sku: cola.sku, unitsSold: 4, revenue: 8 },
  ]);
  expect(d.slowMovers.map((m: { name: string }) => m.name)).toEqual(['Juice', 'Cola']);
  expect(d.salesTrend).toHaveLength(30);
  expect(d.salesTrend.at(-1)).toEqual(expect.objectContaining({ orders: 1, units: 4, revenue: 8 }));
  expect(d.salesTrend.slice(0, 29).every((day: { orders: number }) => day.orders === 0)).toBe(true);
});

// Replicas share a cache only through Redis; the in-process cache serves one process.
const withRedis = process.env.REDIS_URL ? test : test.skip;

withRedis(
  'a write on one replica is seen by the next read on the other (cache generations)',
  async () => {
    const s = await storeWithMember(t, 'manager');
    const p = (
      await t.api
        .post(`${s.url}/products`)
        .set(s.auth)
        .send({ name: 'Tea', price: 4, initialQuantity: 10 })
        .expect(201)
    ).body.data;
    // Warm both replicas' view of the product, the list and the dashboard.
    for (const app of [t, replica]) {
      await app.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
      await app.api.get(`${s.url}/products?sort=name`).set(s.auth).expect(200);
      await app.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200);
    }
    await t.api
      .post(`${s.url}/products/${p.id}/adjustments`)
      .set(s.auth)
      .send({ delta: -3, reason: 'damaged' })
      .expect(201);
    await t.api
      .patch(`${s.url}/products/${p.id}`)
      .set(s.auth)
      .send({ name: 'Green Tea' })
      .expect(200);

    const one = await replica.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
    expect(one.body.data).toEqual(expect.objectContaining({ quantity: 7, name: 'Green Tea' }));
    const list = await replica.api.get(`${s.url}/products?sort=name`).set(s.auth).expect(200);
    expect(list.body.data[0]).toEqual(expect.objectContaining({ name: 'Green Tea', quantity: 7 }));
    const dash = await replica.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200);
    expect(dash.body.data.totals.units).toBe(7);
  },
);

test('cached reads are served from the cache until a write (the database is not asked again)', async () => {
  const s = await storeWithMember(t);
  const p = (
    await t.api
      .post(`${s.url}/products`)
      .set(s.auth)
      .send({ name: 'Rice', price: 3, initialQuantity: 5 })
      .expect(201)
  ).body.data;
  await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
  // Changed behind the API's back: a cached read does not see it, a write-then-read does.
  await t.db.pool.query("UPDATE products SET name = 'Changed directly' WHERE id = $1", [p.id]);
  const cached = await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
  expect(cached.body.data.name).toBe('Rice');
  await t.api
    .post(`${s.url}/products/${p.id}/adjustments`)
    .set(s.auth)
    .send({ delta: 1, reason: 'return' })
    .expect(201);
  const fresh = await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
  expect(fresh.body.data).toEqual(
    expect.objectContaining({ name: 'Changed directly', quantity: 6 }),
  );
});

test('every role of the store may see the dashboard; outsiders may not', async () => {
  const s = await storeWithMember(t);
  for (const role of ['manager', 'employee', 'viewer'] as const) {
    const m = await memberOf(t, s.storeId, role);
    await t.api.get(`${s.url}/analytics/dashboard`).set(m.auth).expect(200);
  }
  const other = await storeWithMember(t);
  await t.api.get(`${s.url}/analytics/dashboard`).set(other.auth).expect(403);
});

test('when Redis is down, requests skip the cache and still answer correctly', async () => {
  const dead = await buildTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  try {
    const s = await storeWithMember(dead);
    const p = (
      await dead.api
        .post(`${s.url}/products`)
        .set(s.auth)
        .send({ name: 'Salt', price: 1, initialQuantity: 3 })
        .expect(201)
    ).body.data;
    await dead.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
    await dead.api
      .post(`${s.url}/products/${p.id}/adjustments`)
      .set(s.auth)
      .send({ delta: -1, reason: 'lost' })
      .expect(201);
    const after = await dead.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
    expect(after.body.data.quantity).toBe(2);
    const dash = await dead.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200);
    expect(dash.body.data.totals.units).toBe(2);
  } finally {
    await dead.close();
  }
});
