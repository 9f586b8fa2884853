import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, memberOf, storeWithMember } from '../../test/factories';
import { sellDaily } from '../../test/forecasting';
import { postRefund } from '../../test/requests';
import { sell } from '../../test/shopping-lists';

const t = useTestApp();

test('when a product sells 2 a day, then its prediction has the demand figure, days left, stock-out day and a suggested reorder point from the supplier terms, and is stored', async () => {
  const s = await storeWithMember(t, 'employee');
  const admin = await memberOf(t, s.storeId, 'admin');
  const acme = await createSupplier(admin, { name: 'Acme', leadTimeDays: 5 });
  const p = await createProduct(admin, {
    initialQuantity: 20,
    supplierId: acme.id,
    reorderPoint: 8,
  });
  await sellDaily(t, s, p.id, new Array(30).fill(2));

  const res = await s.api.get(`${s.url}/predictions/${p.id}`).set(s.auth).expect(200);
  const stockout = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  expect(res.body.data).toEqual({
    productId: p.id,
    avgDailySales: 2,
    // A forecast made now from the history: 2 a day, as the forecast chart draws it.
    demandPerDay: 2,
    demandSource: 'forecast',
    demandDays: 28,
    currentStock: 20,
    onOrder: { quantity: 0, lines: [], notCounted: [] },
    stockText: '20 in stock',
    // The product's own reorder point; Nimbus's suggestion is reorder.reorderPoint.
    reorderPoint: 8,
    expiresAt: null,
    daysLeft: 10,
    daysLeftLimitedBy: 'demand',
    expiringStock: null,
    onHandExpiresUnsold: false,
    stockoutDate: stockout,
    calculatedAt: expect.any(String),
    // σ of a constant 2 a day is 0: no safety stock; reorder point 2 × 5 days = 10.
    reorder: {
      reorderPoint: 10,
      why: '5 days of lead time at about 2 a day (10); demand has been steady, so no safety stock is needed for 95% of order cycles',
      safetyStock: 0,
      suggestedQuantity: 0,
      leadTimeDays: 5,
      serviceLevel: 0.95,
      method: 'forecast+supplier_terms',
    },
  });
  const { rows } = await t.db.pool.query(
    `SELECT avg_daily_sales, demand_per_day, demand_source, days_left, reorder_point
     FROM product_predictions WHERE product_id = $1`,
    [p.id],
  );
  expect(rows).toEqual([
    {
      avg_daily_sales: 2,
      demand_per_day: 2,
      demand_source: 'forecast',
      days_left: 10,
      reorder_point: 10,
    },
  ]);

  const listed = await s.api.get(`${s.url}/predictions?productIds=${p.id}`).set(s.auth).expect(200);
  expect(listed.body.data).toEqual([res.body.data]);
});

test("when stock is at the product's own reorder point and demand varies, then the suggestion brings it up to that point plus 14 days, with safety stock and the default lead time", async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 5, reorderPoint: 30 });
  await sellDaily(
    t,
    s,
    p.id,
    Array.from({ length: 30 }, (_, i) => (i % 2 ? 1 : 5)),
  );

  const { reorder, avgDailySales, demandPerDay } = (
    await s.api.get(`${s.url}/predictions/${p.id}`).set(s.auth).expect(200)
  ).body.data;
  expect(avgDailySales).toBe(3);
  expect(demandPerDay).toBeCloseTo(3, 0);
  expect(reorder.method).toBe('forecast+default');
  expect(reorder.leadTimeDays).toBe(7);
  expect(reorder.safetyStock).toBeGreaterThan(0);
  expect(reorder.reorderPoint).toBeCloseTo(7 * demandPerDay + reorder.safetyStock, 1);
  expect(reorder.why).toMatch(
    /^7 days of lead time at about 3 a day \(2[01]\) plus \d+ safety stock/,
  );
  // Up to its own reorder point of 30 plus 14 days of demand: about 30 + 42 − 5 = 67.
  expect(
    Math.abs(reorder.suggestedQuantity - Math.ceil(30 + demandPerDay * 14 - 5)),
  ).toBeLessThanOrEqual(1);
});

test('when sales were voided or refunded, then the average counts only what stayed sold, and a product never sold has no reorder', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 100 });
  await sell(s, p.id, 30, 3);
  const voided = await sell(s, p.id, 30, 2);
  // A sale is voided through the API only on its day; this one is marked voided afterwards.
  await t.db.pool.query(`UPDATE sales SET status = 'voided', voided_at = now() WHERE id = $1`, [
    voided.id,
  ]);
  const refunded = await sell(s, p.id, 30, 1);
  await postRefund(s, refunded.id, {
    lines: [{ saleLineId: refunded.items[0].id, quantity: 15 }],
    reason: 'Returned',
  }).expect(201);

  const data = (await s.api.get(`${s.url}/predictions/${p.id}`).set(s.auth).expect(200)).body.data;
  expect(data.avgDailySales).toBe(1.5); // (30 + 15) / 30

  const idle = await createProduct(s, { initialQuantity: 4 });
  const none = (await s.api.get(`${s.url}/predictions/${idle.id}`).set(s.auth).expect(200)).body
    .data;
  expect(none).toEqual(
    expect.objectContaining({
      avgDailySales: 0,
      daysLeft: null,
      stockoutDate: null,
      reorder: null,
    }),
  );
});

test('when productIds is missing, empty, too long or holds a non-id, then it is 400', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s);
  const get = (q: string) => s.api.get(`${s.url}/predictions${q}`).set(s.auth);
  await get('').expect(400);
  await get('?productIds=').expect(400);
  const bad = await get(
    `?productIds=${p.id},${encodeURIComponent("x'; DROP TABLE products;--")}`,
  ).expect(400);
  expect(bad.body.error.details[0]).toEqual(expect.objectContaining({ field: 'productIds' }));
  const many = Array.from({ length: 101 }, () => crypto.randomUUID()).join(',');
  await get(`?productIds=${many}`).expect(400);
});

test("when a product is another store's or unknown, then its prediction is 404 and it is absent from the list; an outsider gets 403", async () => {
  const s = await storeWithMember(t);
  const other = await storeWithMember(t);
  const theirs = await createProduct(other);
  await other.api.get(`${other.url}/predictions/${theirs.id}`).set(other.auth).expect(200);
  await s.api.get(`${s.url}/predictions/${theirs.id}`).set(s.auth).expect(404);
  await s.api.get(`${s.url}/predictions/${crypto.randomUUID()}`).set(s.auth).expect(404);
  const listed = await s.api
    .get(`${s.url}/predictions?productIds=${theirs.id}`)
    .set(s.auth)
    .expect(200);
  expect(listed.body.data).toEqual([]);
  await s.api.get(`${other.url}/predictions/${theirs.id}`).set(s.auth).expect(403);
});

test('when the supplier has received enough orders, then its measured lead time is used rather than its stated one', async () => {
  const s = await storeWithMember(t);
  const acme = await createSupplier(s, { name: 'Acme', leadTimeDays: 2 });
  const p = await createProduct(s, { initialQuantity: 10, supplierId: acme.id });
  await sellDaily(t, s, p.id, new Array(30).fill(1));
  // Three completed orders, each delivered 6 days after it was placed.
  for (const n of [1, 2, 3]) {
    await t.db.pool.query(
      `INSERT INTO purchase_orders (store_id, supplier_id, order_number, status, ordered_at, completed_at)
       VALUES ($1, $2, $3, 'completed', now() - interval '40 days', now() - interval '34 days')`,
      [s.storeId, acme.id, `PO-2026-00000${n}`],
    );
  }
  const { reorder } = (await s.api.get(`${s.url}/predictions/${p.id}`).set(s.auth).expect(200)).body
    .data;
  expect(reorder).toEqual(
    expect.objectContaining({
      leadTimeDays: 6,
      method: 'forecast+supplier_performance',
      reorderPoint: 6,
    }),
  );
});
