import request from 'supertest';
import { useTestApp } from '../../test/app';
import {
  backdateProduct,
  createProduct,
  ledgerOf,
  quantityOf,
  storeWithMember,
} from '../../test/factories';
import { postAdjustment, postSale } from '../../test/requests';

const t = useTestApp();

test('when a multi-line sale is recorded, then stock drops, totals add up and each line is a sale movement', async () => {
  // A manager: the bread's lower price is a discount, which an employee may give only within
  // the store's limit (checkout/payments-discounts.test.ts).
  const s = await storeWithMember(t, 'manager');
  const milk = await createProduct(s, { name: 'Milk', price: 1.49, initialQuantity: 10 });
  const bread = await createProduct(s, { name: 'Bread', price: 2.5, initialQuantity: 5 });
  const res = await postSale(s, {
    items: [
      { productId: milk.id, quantity: 3 },
      { productId: bread.id, quantity: 2, unitPrice: 2 },
      { productId: milk.id, quantity: 1 },
    ],
    note: 'Till 2',
  }).expect(201);
  const sale = res.body.data;
  expect(sale).toEqual(
    expect.objectContaining({
      total: 9.96,
      itemCount: 6,
      note: 'Till 2',
      user: { id: s.user.id, name: s.user.name },
    }),
  );
  // Lines come back in the order they were sent.
  expect(
    sale.items.map((i: { productName: string; quantity: number; lineTotal: number }) => [
      i.productName,
      i.quantity,
      i.lineTotal,
    ]),
  ).toEqual([
    ['Milk', 3, 4.47],
    ['Bread', 2, 4],
    ['Milk', 1, 1.49],
  ]);
  expect(await quantityOf(t, milk.id)).toBe(6);
  expect(await quantityOf(t, bread.id)).toBe(3);
  const { rows } = await t.db.pool.query(
    "SELECT product_id, delta, reference_id FROM stock_movements WHERE reason = 'sale' AND store_id = $1 ORDER BY delta",
    [s.storeId],
  );
  expect(rows).toEqual(
    expect.arrayContaining([
      { product_id: milk.id, delta: -4, reference_id: sale.id },
      { product_id: bread.id, delta: -2, reference_id: sale.id },
    ]),
  );
  const got = await t.api.get(`${s.url}/sales/${sale.id}`).set(s.auth).expect(200);
  expect(got.body.data.total).toBe(9.96);
  const p = await t.api.get(`${s.url}/products/${milk.id}`).set(s.auth).expect(200);
  expect(p.body.data.lastSoldAt).toBe(sale.soldAt);
});

test('when any line lacks stock, then nothing is sold and every short line is listed', async () => {
  const s = await storeWithMember(t);
  const a = await createProduct(s, { name: 'A', price: 1, initialQuantity: 2 });
  const b = await createProduct(s, { name: 'B', price: 1, initialQuantity: 1 });
  const c = await createProduct(s, { name: 'C', price: 1, initialQuantity: 9 });
  const res = await postSale(s, {
    items: [
      { productId: a.id, quantity: 3 },
      { productId: b.id, quantity: 1 },
      { productId: b.id, quantity: 1 },
      { productId: c.id, quantity: 1 },
    ],
  }).expect(409);
  expect(res.body.error.code).toBe('INSUFFICIENT_STOCK');
  expect(res.body.error.details).toEqual(
    expect.arrayContaining([
      { productId: a.id, requested: 3, available: 2 },
      { productId: b.id, requested: 2, available: 1 },
    ]),
  );
  expect(res.body.error.details).toHaveLength(2);
  expect([await quantityOf(t, a.id), await quantityOf(t, b.id), await quantityOf(t, c.id)]).toEqual(
    [2, 1, 9],
  );
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM sales WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows[0].n).toBe(0);
  const ev = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM outbox_events WHERE store_id = $1 AND type = 'sale.recorded'",
    [s.storeId],
  );
  expect(ev.rows[0].n).toBe(0);
});

test.each([
  [{ items: [] }, 'items'],
  [
    { items: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 0 }] },
    'items.0.quantity',
  ],
  [
    { items: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1.5 }] },
    'items.0.quantity',
  ],
  [
    { items: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: -2 }] },
    'items.0.quantity',
  ],
  [{ items: [{ productId: 'abc', quantity: 1 }] }, 'items.0.productId'],
  [
    { items: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1, unitPrice: -1 }] },
    'items.0.unitPrice',
  ],
  [
    {
      items: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
      soldAt: '2999-01-01T00:00:00Z',
    },
    'soldAt',
  ],
  [{ items: 'everything' }, 'items'],
])('when a sale body is %j, then 400 on %s', async (body, field) => {
  const s = await storeWithMember(t);
  const res = await postSale(s, body).expect(400);
  expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
});

test('when a sale names a product of another store, then 400 on that line and nothing moves anywhere', async () => {
  const s = await storeWithMember(t);
  const other = await storeWithMember(t);
  const theirs = await createProduct(other, { name: 'Theirs', price: 1, initialQuantity: 5 });
  const mine = await createProduct(s, { name: 'Mine', price: 1, initialQuantity: 5 });
  const res = await postSale(s, {
    items: [
      { productId: mine.id, quantity: 1 },
      { productId: theirs.id, quantity: 1 },
    ],
  }).expect(400);
  expect(res.body.error.details[0].field).toBe('items.1.productId');
  expect([await quantityOf(t, mine.id), await quantityOf(t, theirs.id)]).toEqual([5, 5]);
  await t.api.get(`${other.url}/sales`).set(s.auth).expect(403);
});

test('when many clients sell the last units of a product at once, then exactly the stock is sold and the rest get 409', async () => {
  const s = await storeWithMember(t);
  const hot = await createProduct(s, { name: 'Concert ticket', price: 50, initialQuantity: 10 });
  const cold = await createProduct(s, { name: 'Programme', price: 5, initialQuantity: 100 });
  const attempts = 40;
  // Real HTTP against a listening server: each request is its own connection and transaction.
  const server = t.app.listen(0);
  try {
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        request(server)
          .post(`${s.url}/sales`)
          .set(s.auth)
          .send({
            items: [
              { productId: hot.id, quantity: 1 + (i % 2) },
              { productId: cold.id, quantity: 1 },
            ],
          }),
      ),
    );
    const sold = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(sold.length + refused.length).toBe(attempts);
    for (const r of refused) expect(r.body.error.code).toBe('INSUFFICIENT_STOCK');
    const unitsSold = sold.reduce(
      (n, r) =>
        n + r.body.data.items.find((i: { productId: string }) => i.productId === hot.id).quantity,
      0,
    );
    expect(unitsSold).toBeLessThanOrEqual(10);
    expect(unitsSold).toBeGreaterThanOrEqual(9); // only a last single unit can be left when every ask is 2
    expect(await quantityOf(t, hot.id)).toBe(10 - unitsSold);
    expect(await quantityOf(t, cold.id)).toBe(100 - sold.length);
  } finally {
    server.close();
  }
  const rows = await ledgerOf(t, s.storeId);
  for (const r of rows) {
    expect(r.quantity).toBe(r.ledger);
    expect(r.lowest).toBeGreaterThanOrEqual(0);
  }
});

test('when sales and adjustments interleave on the same products, then the ledger still adds up exactly', async () => {
  const s = await storeWithMember(t);
  const products = [
    await createProduct(s, { name: 'P1', price: 1, initialQuantity: 30 }),
    await createProduct(s, { name: 'P2', price: 1, initialQuantity: 30 }),
    await createProduct(s, { name: 'P3', price: 1, initialQuantity: 30 }),
  ];
  const server = t.app.listen(0);
  try {
    const ops = Array.from({ length: 60 }, (_, i) => {
      const p = products[i % 3]!;
      const q = products[(i + 1) % 3]!;
      if (i % 4 === 0) {
        return request(server)
          .post(`${s.url}/products/${p.id}/adjustments`)
          .set(s.auth)
          .send({ delta: i % 8 === 0 ? 3 : -4, reason: 'adjustment' });
      }
      // Lines in both orders, so a sale that locked in request order could deadlock.
      return request(server)
        .post(`${s.url}/sales`)
        .set(s.auth)
        .send({
          items:
            i % 2
              ? [
                  { productId: p.id, quantity: 2 },
                  { productId: q.id, quantity: 1 },
                ]
              : [
                  { productId: q.id, quantity: 1 },
                  { productId: p.id, quantity: 2 },
                ],
        });
    });
    const results = await Promise.all(ops);
    for (const r of results) expect([201, 409]).toContain(r.status);
  } finally {
    server.close();
  }
  const rows = await ledgerOf(t, s.storeId);
  expect(rows).toHaveLength(3);
  for (const r of rows) {
    expect(r.quantity).toBe(r.ledger);
    expect(r.lowest).toBeGreaterThanOrEqual(0);
  }
});

test('a back-dated sale moves stock dated when it happened; quantityAfter stays the running total in recording order, at recordedAt', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { name: 'Late entry', price: 1, initialQuantity: 10 });
  await backdateProduct(t, p.id, new Date('2025-12-01T00:00:00Z'));
  await postAdjustment(s, p.id, { delta: 5, reason: 'return' }).expect(201);
  await postSale(s, {
    soldAt: '2026-01-01T09:00:00Z',
    items: [{ productId: p.id, quantity: 3 }],
  }).expect(201);
  const mv = (await t.api.get(`${s.url}/products/${p.id}/movements`).set(s.auth).expect(200)).body
    .data;
  // Newest first by when each happened: the sale sits in January, but it was recorded after the
  // return, so the stock right after it was recorded is 12.
  expect(
    mv.map((m: { delta: number; quantityAfter: number; createdAt: string; recordedAt: string }) => [
      m.delta,
      m.quantityAfter,
      m.createdAt === '2026-01-01T09:00:00.000Z',
      m.recordedAt === m.createdAt,
    ]),
  ).toEqual([
    [5, 15, false, true],
    [-3, 12, true, false],
    [10, 10, false, true],
  ]);
  const sale = (await t.api.get(`${s.url}/sales?productId=${p.id}`).set(s.auth).expect(200)).body
    .data[0];
  expect(sale.soldAt).toBe('2026-01-01T09:00:00.000Z');
});

test('a POS retrying a sale with its Idempotency-Key sells once', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { name: 'Gum', price: 1, initialQuantity: 10 });
  const body = { items: [{ productId: p.id, quantity: 2 }] };
  const a = await postSale(s, body, 'pos-42').expect(201);
  const b = await postSale(s, body, 'pos-42').expect(201);
  expect(b.body.data.id).toBe(a.body.data.id);
  expect(await quantityOf(t, p.id)).toBe(8);
});

test('a sale line with a field the API does not know (price for unitPrice) is a 400, not a sale at list price', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { name: 'Cheese', price: 8, initialQuantity: 5 });
  const res = await postSale(s, {
    items: [{ productId: p.id, quantity: 1, price: 0.5 }],
  }).expect(400);
  expect(res.body.error.details).toEqual([
    expect.objectContaining({
      field: 'items.0',
      code: 'unrecognized_keys',
      message: expect.stringMatching(/price.*unitPrice/),
    }),
  ]);
  expect(await quantityOf(t, p.id)).toBe(5);
  const loc = await t.api
    .post(`${s.url}/products`)
    .set(s.auth)
    .send({ name: 'Shelved', price: 1, location: { aisle: '3', shelf: 'B' } })
    .expect(400);
  expect(loc.body.error.details[0]).toEqual(
    expect.objectContaining({ field: 'location', message: expect.stringMatching(/shelf/) }),
  );
});
