import request from 'supertest';
import { useTestApp } from '../../test/app';
import {
  backdateProduct,
  createProduct,
  ledgerOf,
  memberOf,
  outboxTypes,
  quantityOf,
  storeWithMember,
} from '../../test/factories';
import { dashboardOf, postRefund, postSale, postVoid } from '../../test/requests';

/** Voiding a sale on its day, who may, and the sale numbers voids and refunds refer to. */
const t = useTestApp();

const movementsOf = async (storeId: string, reason: string) =>
  (
    await t.db.pool.query(
      `SELECT product_id, delta, reference_type, reference_id, note FROM stock_movements
       WHERE store_id = $1 AND reason = $2 ORDER BY product_id`,
      [storeId, reason],
    )
  ).rows;

test('when a sale is voided on its day, then it is kept as voided, its stock comes back through the ledger and it no longer counts as revenue', async () => {
  const s = await storeWithMember(t, 'manager');
  const milk = await createProduct(s, { name: 'Milk', price: 1.5, initialQuantity: 10 });
  const bread = await createProduct(s, { name: 'Bread', price: 3, initialQuantity: 5 });
  const kept = (await postSale(s, { items: [{ productId: bread.id, quantity: 1 }] }).expect(201))
    .body.data;
  const sale = (
    await postSale(s, {
      items: [
        { productId: milk.id, quantity: 3 },
        { productId: bread.id, quantity: 2 },
        { productId: milk.id, quantity: 1 },
      ],
    }).expect(201)
  ).body.data;
  expect([kept.number, sale.number, sale.status]).toEqual([1, 2, 'completed']);
  expect((await dashboardOf(s)).salesTrend.at(-1)).toEqual(
    expect.objectContaining({ orders: 2, units: 7, revenue: 15 }),
  );

  const res = await postVoid(s, sale.id, { reason: '  Rang up the wrong basket  ' }, 'v-1');
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual(
    expect.objectContaining({
      id: sale.id,
      number: 2,
      status: 'voided',
      voidReason: 'Rang up the wrong basket',
      voidedBy: { id: s.user.id, name: s.user.name },
      voidedAt: expect.any(String),
      total: 12,
      netTotal: 0,
      refundedTotal: 0,
    }),
  );
  expect([await quantityOf(t, milk.id), await quantityOf(t, bread.id)]).toEqual([10, 4]);
  expect(await movementsOf(s.storeId, 'void')).toEqual(
    [
      { product_id: milk.id, delta: 4 },
      { product_id: bread.id, delta: 2 },
    ]
      .sort((a, b) => (a.product_id < b.product_id ? -1 : 1))
      .map((m) => ({
        ...m,
        reference_type: 'sale',
        reference_id: sale.id,
        note: 'Void of S-000002: Rang up the wrong basket',
      })),
  );
  for (const r of await ledgerOf(t, s.storeId)) expect(r.quantity).toBe(r.ledger);

  // A replay answers the same, and changes nothing again.
  const replay = await postVoid(s, sale.id, { reason: '  Rang up the wrong basket  ' }, 'v-1');
  expect(replay.status).toBe(200);
  expect(replay.headers['idempotent-replayed']).toBe('true');
  expect(replay.body).toEqual(res.body);
  expect(await movementsOf(s.storeId, 'void')).toHaveLength(2);
  // A second void, or a refund, of a voided sale is a conflict in words.
  const again = await postVoid(s, sale.id, { reason: 'Again' }).expect(409);
  expect(again.body.error).toEqual(
    expect.objectContaining({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/S-000002 was voided/),
    }),
  );
  const refund = await postRefund(s, sale.id, {
    lines: [{ saleLineId: sale.items[0].id, quantity: 1 }],
    reason: 'Too late',
  }).expect(409);
  expect(refund.body.error.code).toBe('INVALID_STATE');
  expect(await quantityOf(t, milk.id)).toBe(10);
  expect((await outboxTypes(t, s.storeId)).filter((e) => e === 'sale.voided')).toHaveLength(1);

  // Never deleted: it is listed, and filterable by status.
  const voided = await t.api.get(`${s.url}/sales?status=voided`).set(s.auth).expect(200);
  expect(voided.body.data.map((x: { id: string }) => x.id)).toEqual([sale.id]);
  const completed = await t.api.get(`${s.url}/sales?status=completed`).set(s.auth).expect(200);
  expect(completed.body.data.map((x: { id: string }) => x.id)).toEqual([kept.id]);
  await t.api.get(`${s.url}/sales?status=deleted`).set(s.auth).expect(400);

  const d = await dashboardOf(s);
  expect(d.salesTrend.at(-1)).toEqual(expect.objectContaining({ orders: 1, units: 1, revenue: 3 }));
  expect(d.topMovers).toEqual([expect.objectContaining({ productId: bread.id, unitsSold: 1 })]);
  const history = await t.api
    .get(`${s.url}/products/${milk.id}/movements?reason=void`)
    .set(s.auth)
    .expect(200);
  expect(history.body.data[0]).toEqual(
    expect.objectContaining({ delta: 4, quantityAfter: 10, referenceId: sale.id }),
  );
});

test('when a sale from an earlier day is voided, then 409 says it can be voided only on its day, and refunding it still works', async () => {
  const s = await storeWithMember(t);
  await t.api.patch(s.url).set(s.auth).send({ timezone: 'America/New_York' }).expect(200);
  const p = await createProduct(s, { name: 'Lamp', price: 20, initialQuantity: 5 });
  await backdateProduct(t, p.id, new Date('2026-01-01T00:00:00Z'));
  const sale = (
    await postSale(s, {
      soldAt: '2026-01-15T03:00:00Z', // the 14th in New York
      items: [{ productId: p.id, quantity: 2 }],
    }).expect(201)
  ).body.data;
  const res = await postVoid(s, sale.id, { reason: 'Customer changed their mind' }).expect(409);
  expect(res.body.error).toEqual(
    expect.objectContaining({
      code: 'INVALID_STATE',
      message:
        'Sale S-000001 was made on January 14, 2026 (store time, America/New_York); a sale can be voided only on the day it was made. Refund its lines instead',
    }),
  );
  expect(await quantityOf(t, p.id)).toBe(3);
  await postRefund(s, sale.id, {
    lines: [{ saleLineId: sale.items[0].id, quantity: 2 }],
    reason: 'Customer changed their mind',
  }).expect(201);
  expect(await quantityOf(t, p.id)).toBe(5);
  // A sale with a refund is not voided: the refund stays on the books.
  const today = (await postSale(s, { items: [{ productId: p.id, quantity: 2 }] }).expect(201)).body
    .data;
  await postRefund(s, today.id, {
    lines: [{ saleLineId: today.items[0].id, quantity: 1 }],
    reason: 'Dented',
    restock: false,
  }).expect(201);
  const refused = await postVoid(s, today.id, { reason: 'Oops' }).expect(409);
  expect(refused.body.error.message).toBe(
    'Sale S-000002 has 1 refund and can no longer be voided: refund its remaining lines instead',
  );
});

test('who may void: managers and admins; employees only with an approval (403 APPROVAL_REQUIRED), viewers 403, other stores 404, outsiders 403', async () => {
  const admin = await storeWithMember(t, 'admin');
  const employee = await memberOf(t, admin.storeId, 'employee');
  const viewer = await memberOf(t, admin.storeId, 'viewer');
  const p = await createProduct(admin, { name: 'Pen', price: 1, initialQuantity: 9 });
  const sale = (await postSale(employee, { items: [{ productId: p.id, quantity: 1 }] }).expect(201))
    .body.data;
  for (const who of [employee, viewer]) {
    const res = await postVoid(who, sale.id, { reason: 'Mine' }).expect(403);
    expect(res.body.error.code).toBe(who === employee ? 'APPROVAL_REQUIRED' : 'FORBIDDEN');
    await postRefund(who, sale.id, {
      lines: [{ saleLineId: sale.items[0].id, quantity: 1 }],
      reason: 'Mine',
    }).expect(403);
  }
  const other = await storeWithMember(t, 'admin');
  // Their own store's URL with this store's sale: as if it did not exist.
  await postVoid(other, sale.id, { reason: 'Not ours' }).expect(404);
  await postRefund(other, sale.id, {
    lines: [{ saleLineId: sale.items[0].id, quantity: 1 }],
    reason: 'Not ours',
  }).expect(404);
  // This store's URL with their token: not a member.
  await postVoid({ ...admin, auth: other.auth }, sale.id, { reason: 'Not ours' }).expect(403);
  await postVoid(admin, sale.id, { reason: '   ' }).expect(400);
  await postVoid(admin, sale.id, {}).expect(400);
  await postVoid(admin, sale.id, { reason: 'x'.repeat(501) }).expect(400);
  await postVoid(admin, sale.id, { reason: 'Fine', why: 'extra' }).expect(400);
  expect(await quantityOf(t, p.id)).toBe(8);
  await postVoid(admin, sale.id, { reason: 'Fine' }).expect(200);
  expect(await quantityOf(t, p.id)).toBe(9);
});

test('sale numbers count per store in recording order, without gaps under concurrent sales', async () => {
  const a = await storeWithMember(t);
  const b = await storeWithMember(t);
  const products = await Promise.all(
    Array.from({ length: 4 }, (_, i) =>
      createProduct(a, { name: `P${i}`, price: 1, initialQuantity: 100 }),
    ),
  );
  const theirs = await createProduct(b, { name: 'Q', price: 1, initialQuantity: 5 });
  expect(
    (await postSale(b, { items: [{ productId: theirs.id, quantity: 1 }] })).body.data.number,
  ).toBe(1);
  const server = t.app.listen(0);
  try {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        request(server)
          .post(`${a.url}/sales`)
          .set(a.auth)
          .send({
            items:
              i % 5 === 4
                ? [{ productId: products[0]!.id, quantity: 1000 }] // refused: no number taken
                : [{ productId: products[i % 4]!.id, quantity: 1 }],
          }),
      ),
    );
    const numbers = results
      .filter((r) => r.status === 201)
      .map((r) => r.body.data.number as number)
      .sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  } finally {
    server.close();
  }
});
