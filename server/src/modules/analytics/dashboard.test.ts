import { buildTestApp, type TestApp } from '../../test/app';
import {
  createCategory,
  createProduct,
  existedBy,
  memberOf,
  storeWithMember,
} from '../../test/factories';
import { postAdjustment, postSale } from '../../test/requests';

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
  const cat = await createCategory(s, { name: 'Drinks' });
  const soon = new Date(Date.now() + 3 * 864e5).toISOString().slice(0, 10);
  const cola = await createProduct(s, {
    name: 'Cola',
    price: 2,
    cost: 1,
    initialQuantity: 20,
    reorderPoint: 5,
    categoryId: cat.id,
  });
  await createProduct(s, {
    name: 'Juice',
    price: 3,
    cost: 2,
    initialQuantity: 2,
    reorderPoint: 5,
    expiresAt: soon,
    categoryId: cat.id,
  });
  await createProduct(s, { name: 'Water', price: 1, initialQuantity: 0 });
  await postSale(s, { items: [{ productId: cola.id, quantity: 4 }] }).expect(201);

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
    const p = await createProduct(s, { name: 'Tea', price: 4, initialQuantity: 10 });
    // Warm both replicas' view of the product, the list and the dashboard.
    for (const app of [t, replica]) {
      await app.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
      await app.api.get(`${s.url}/products?sort=name`).set(s.auth).expect(200);
      await app.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200);
    }
    await postAdjustment(s, p.id, { delta: -3, reason: 'damaged' }).expect(201);
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
  const p = await createProduct(s, { name: 'Rice', price: 3, initialQuantity: 5 });
  await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
  // Changed behind the API's back: a cached read does not see it, a write-then-read does.
  await t.db.pool.query("UPDATE products SET name = 'Changed directly' WHERE id = $1", [p.id]);
  const cached = await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
  expect(cached.body.data.name).toBe('Rice');
  await postAdjustment(s, p.id, { delta: 1, reason: 'return' }).expect(201);
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
    const p = await createProduct(s, { name: 'Salt', price: 1, initialQuantity: 3 });
    await dead.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
    await postAdjustment(s, p.id, { delta: -1, reason: 'lost' }).expect(201);
    const after = await dead.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
    expect(after.body.data.quantity).toBe(2);
    const dash = await dead.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200);
    expect(dash.body.data.totals.units).toBe(2);
  } finally {
    await dead.close();
  }
});

describe('sales figures: the last 30 local days, today included', () => {
  const DAY = 864e5;
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
  async function storeWithProducts() {
    const s = await storeWithMember(t);
    const make = async (name: string) =>
      (await createProduct(s, { name, price: 2, initialQuantity: 1000 })) as { id: string };
    const sell = async (productId: string, quantity: number, soldAt?: string) => {
      if (soldAt) await existedBy(s, productId, soldAt);
      return postSale(s, {
        items: [{ productId, quantity }],
        ...(soldAt ? { soldAt } : {}),
      }).expect(201);
    };
    const dashboard = async () =>
      (await t.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200)).body.data;
    return { s, make, sell, dashboard };
  }

  test('today counts at once, and a back-dated sale lands on its own day', async () => {
    const { make, sell, dashboard } = await storeWithProducts();
    const tea = await make('Tea');
    const rice = await make('Rice');
    await sell(tea.id, 3, daysAgo(2));
    await sell(rice.id, 50, daysAgo(40)); // outside the 30-day window

    let d = await dashboard();
    expect(
      d.topMovers.map((m: { name: string; unitsSold: number }) => [m.name, m.unitsSold]),
    ).toEqual([['Tea', 3]]);
    expect(d.salesTrend.at(-3)).toEqual({
      date: daysAgo(2).slice(0, 10),
      orders: 1,
      units: 3,
      revenue: 6,
    });

    // Today's sale shows at once.
    await sell(tea.id, 2);
    d = await dashboard();
    expect(d.topMovers[0]).toEqual(
      expect.objectContaining({ name: 'Tea', unitsSold: 5, revenue: 10 }),
    );
    expect(d.salesTrend.at(-1)).toEqual(expect.objectContaining({ orders: 1, units: 2 }));

    // A till syncing late: the sale lands on its day.
    await sell(rice.id, 7, daysAgo(5));
    d = await dashboard();
    expect(
      d.topMovers.map((m: { name: string; unitsSold: number }) => [m.name, m.unitsSold]),
    ).toEqual([
      ['Rice', 7],
      ['Tea', 5],
    ]);
    expect(d.salesTrend.at(-6)).toEqual(
      expect.objectContaining({ orders: 1, units: 7, revenue: 14 }),
    );
  });

  test('the figures equal a direct count over the sale lines, whatever the sales dates', async () => {
    const { s, make, sell, dashboard } = await storeWithProducts();
    const products = await Promise.all(['A', 'B', 'C', 'D'].map(make));
    await dashboard(); // read (and cached) before the back-dated sales arrive
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 24; i++) {
      const when = rand(4) === 0 ? undefined : daysAgo(rand(34) + rand(100) / 100);
      await sell(products[rand(4)]!.id, rand(9) + 1, when);
    }
    const d = await dashboard();

    const { rows: expected } = await t.db.pool.query(
      `SELECT product_id, sum(quantity)::int AS units FROM sale_items
       WHERE store_id = $1 AND sold_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '29 days'
       GROUP BY product_id ORDER BY units DESC, sum(line_total) DESC, product_id`,
      [s.storeId],
    );
    expect(
      d.topMovers.map((m: { productId: string; unitsSold: number }) => [m.productId, m.unitsSold]),
    ).toEqual(expected.map((r) => [r.product_id, r.units]));
    const { rows: days } = await t.db.pool.query(
      `SELECT to_char((sold_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS date, count(*)::int AS orders, sum(item_count)::int AS units
       FROM sales WHERE store_id = $1 AND sold_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '29 days'
       GROUP BY 1`,
      [s.storeId],
    );
    const trend = new Map(d.salesTrend.map((x: { date: string }) => [x.date, x]));
    for (const day of days) expect(trend.get(day.date)).toEqual(expect.objectContaining(day));
    const total = d.salesTrend.reduce((n: number, x: { orders: number }) => n + x.orders, 0);
    expect(total).toBe(days.reduce((n, x) => n + x.orders, 0));
  });

  test('the days follow the store time zone: changing it refreshes the dashboard', async () => {
    const { s, dashboard } = await storeWithProducts();
    await dashboard();
    const zone = 'Pacific/Kiritimati'; // UTC+14: its date is ahead of UTC most of the day
    await t.api.patch(s.url).set(s.auth).send({ timezone: zone }).expect(200);
    const d = await dashboard();
    const localToday = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    expect(d.salesTrend.at(-1).date).toBe(localToday);
  });
});
