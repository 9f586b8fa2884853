import request from 'supertest';
import { useTestApp } from '../../test/app';
import {
  backdateProduct,
  createProduct,
  ledgerOf,
  outboxTypes,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { dashboardOf, postCount, postRefund, postSale } from '../../test/requests';

/** Refunding some or all of a sale's lines: money, stock, limits, races and revenue. */
const t = useTestApp();

const saleOf = async (s: StoreMember, id: string) =>
  (await t.api.get(`${s.url}/sales/${id}`).set(s.auth).expect(200)).body.data;

test('when part of a sale is refunded, then a linked refund at the recorded prices puts the units back and the sale shows what is left', async () => {
  const s = await storeWithMember(t, 'manager');
  const tea = await createProduct(s, { name: 'Tea', price: 2.5, initialQuantity: 10 });
  const cup = await createProduct(s, { name: 'Cup', price: 4, initialQuantity: 10 });
  const sale = (
    await postSale(s, {
      items: [
        { productId: tea.id, quantity: 4 },
        { productId: cup.id, quantity: 2, unitPrice: 3.99 },
      ],
    }).expect(201)
  ).body.data;
  const [teaLine, cupLine] = sale.items;
  // Prices change after the sale: a refund pays back what was charged.
  await t.api.patch(`${s.url}/products/${tea.id}`).set(s.auth).send({ price: 9 }).expect(200);

  const body = {
    lines: [
      { saleLineId: teaLine.id, quantity: 1 },
      { saleLineId: cupLine.id, quantity: 2 },
    ],
    reason: 'Wrong flavour, cups chipped',
  };
  const res = await postRefund(s, sale.id, body, 'r-1').expect(201);
  const refund = res.body.data;
  expect(refund).toEqual({
    id: expect.any(String),
    saleId: sale.id,
    reason: 'Wrong flavour, cups chipped',
    restocked: true,
    total: 10.48,
    itemCount: 3,
    createdBy: { id: s.user.id, name: s.user.name },
    lines: [
      expect.objectContaining({
        saleLineId: teaLine.id,
        productId: tea.id,
        productName: 'Tea',
        quantity: 1,
        unitPrice: 2.5,
        lineTotal: 2.5,
      }),
      expect.objectContaining({
        saleLineId: cupLine.id,
        productId: cup.id,
        quantity: 2,
        unitPrice: 3.99,
        lineTotal: 7.98,
      }),
    ],
    createdAt: expect.any(String),
  });
  const replay = await postRefund(s, sale.id, body, 'r-1').expect(201);
  expect(replay.body).toEqual(res.body);
  expect([await quantityOf(t, tea.id), await quantityOf(t, cup.id)]).toEqual([7, 10]);
  const { rows: returns } = await t.db.pool.query(
    `SELECT product_id, delta, reference_type, reference_id, note FROM stock_movements
     WHERE store_id = $1 AND reason = 'return' ORDER BY delta`,
    [s.storeId],
  );
  expect(returns).toEqual([
    {
      product_id: tea.id,
      delta: 1,
      reference_type: 'sale_refund',
      reference_id: refund.id,
      note: 'Refund of S-000001: Wrong flavour, cups chipped',
    },
    {
      product_id: cup.id,
      delta: 2,
      reference_type: 'sale_refund',
      reference_id: refund.id,
      note: 'Refund of S-000001: Wrong flavour, cups chipped',
    },
  ]);

  // More than is left on a line: a 400 that names the line and says how many are left.
  const tooMany = await postRefund(s, sale.id, {
    lines: [
      { saleLineId: teaLine.id, quantity: 3 },
      { saleLineId: cupLine.id, quantity: 1 },
    ],
    reason: 'Again',
  }).expect(400);
  expect(tooMany.body.error.details).toEqual([
    {
      field: 'lines.1.quantity',
      message: 'is more than is left to refund on this line: 2 sold, 2 already refunded, 0 left',
      code: 'too_big',
    },
  ]);
  const other = (await postSale(s, { items: [{ productId: tea.id, quantity: 1 }] }).expect(201))
    .body.data;
  const wrongLines = await postRefund(s, sale.id, {
    lines: [
      { saleLineId: other.items[0].id, quantity: 1 },
      { saleLineId: teaLine.id, quantity: 1 },
      { saleLineId: teaLine.id, quantity: 1 },
    ],
    reason: 'Mixed up',
  }).expect(400);
  expect(wrongLines.body.error.details.map((d: { field: string }) => d.field)).toEqual([
    'lines.0.saleLineId',
    'lines.2.saleLineId',
  ]);
  await postRefund(s, sale.id, { lines: [], reason: 'Nothing' }).expect(400);
  await postRefund(s, sale.id, { lines: [{ saleLineId: teaLine.id, quantity: 1 }] }).expect(400);

  // The rest of the tea, not put back on the shelf.
  const kept = await postRefund(s, sale.id, {
    lines: [{ saleLineId: teaLine.id, quantity: 3 }],
    reason: 'Kept by the customer',
    restock: false,
  }).expect(201);
  expect(kept.body.data).toEqual(expect.objectContaining({ restocked: false, total: 7.5 }));
  expect(await quantityOf(t, tea.id)).toBe(6); // 10 - 4 + 1 - 1 (the other sale)

  const got = await saleOf(s, sale.id);
  expect(got).toEqual(
    expect.objectContaining({
      status: 'completed',
      total: 17.98,
      refundedTotal: 17.98,
      netTotal: 0,
    }),
  );
  expect(got.items.map((i: { refundedQuantity: number }) => i.refundedQuantity)).toEqual([4, 2]);
  expect(got.refunds.map((r: { id: string }) => r.id)).toEqual([refund.id, kept.body.data.id]);
  const byId = await t.api.get(`${s.url}/refunds/${refund.id}`).set(s.auth).expect(200);
  expect(byId.body.data).toEqual(refund);
  const outsider = await storeWithMember(t);
  await t.api.get(`${outsider.url}/refunds/${refund.id}`).set(outsider.auth).expect(404);

  const refunded = await t.api.get(`${s.url}/sales?refunded=true`).set(s.auth).expect(200);
  expect(refunded.body.data.map((x: { id: string }) => x.id)).toEqual([sale.id]);
  const plain = await t.api.get(`${s.url}/sales?refunded=false`).set(s.auth).expect(200);
  expect(plain.body.data.map((x: { id: string }) => x.id)).toEqual([other.id]);

  // Net revenue today: both sales (the second at the new price), less both refunds.
  const d = await dashboardOf(s);
  expect(d.salesTrend.at(-1)).toEqual(expect.objectContaining({ orders: 2, units: 1, revenue: 9 }));
  expect(d.topMovers).toEqual([
    expect.objectContaining({ productId: tea.id, unitsSold: 1, revenue: 9 }),
  ]);
  const types = await outboxTypes(t, s.storeId);
  expect(types.filter((e) => e === 'sale.refunded')).toHaveLength(2);
  for (const r of await ledgerOf(t, s.storeId)) expect(r.quantity).toBe(r.ledger);
});

test('when a sale from an earlier day is refunded, then the refund is negative revenue today and the sale’s own day keeps its revenue', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { name: 'Kettle', price: 30, initialQuantity: 5 });
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  await backdateProduct(t, p.id, new Date(day(4)));
  const sale = (
    await postSale(s, { soldAt: day(3), items: [{ productId: p.id, quantity: 2 }] }).expect(201)
  ).body.data;
  // The dashboard summarises the closed days now, before the refund.
  expect((await dashboardOf(s)).salesTrend.at(-4).revenue).toBe(60);
  await postRefund(s, sale.id, {
    lines: [{ saleLineId: sale.items[0].id, quantity: 1 }],
    reason: 'Broken lid',
  }).expect(201);
  const trend = (await dashboardOf(s)).salesTrend;
  expect(trend.at(-4)).toEqual(expect.objectContaining({ orders: 1, units: 2, revenue: 60 }));
  expect(trend.at(-1)).toEqual(expect.objectContaining({ orders: 0, units: -1, revenue: -30 }));
  expect((await dashboardOf(s)).topMovers).toEqual([
    expect.objectContaining({ productId: p.id, unitsSold: 1, revenue: 30 }),
  ]);
});

test('when a product was counted after the sale, then a refund still keeps its quantity equal to its ledger', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { name: 'Batteries', price: 6, initialQuantity: 10 });
  const sale = (await postSale(s, { items: [{ productId: p.id, quantity: 4 }] }).expect(201)).body
    .data;
  await postCount(s, p.id, { countedQuantity: 3 }).expect(201);
  await postRefund(s, sale.id, {
    lines: [{ saleLineId: sale.items[0].id, quantity: 2 }],
    reason: 'Unopened',
  }).expect(201);
  expect(await quantityOf(t, p.id)).toBe(5);
  const [ledger] = await ledgerOf(t, s.storeId);
  expect(ledger).toEqual(expect.objectContaining({ quantity: 5, ledger: 5 }));
  const mv = (await t.api.get(`${s.url}/products/${p.id}/movements`).set(s.auth).expect(200)).body
    .data;
  expect(
    mv.map((m: { reason: string; delta: number; quantityAfter: number }) => [
      m.reason,
      m.delta,
      m.quantityAfter,
    ]),
  ).toEqual([
    ['return', 2, 5],
    ['count', -3, 3],
    ['sale', -4, 6],
    ['initial', 10, 10],
  ]);
});

test('when refunds race for the last units of a line, then only what was sold is refunded', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { name: 'Ticket', price: 12, initialQuantity: 3 });
  const sale = (await postSale(s, { items: [{ productId: p.id, quantity: 3 }] }).expect(201)).body
    .data;
  const server = t.app.listen(0);
  try {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        request(server)
          .post(`${s.url}/sales/${sale.id}/refunds`)
          .set(s.auth)
          .send({ lines: [{ saleLineId: sale.items[0].id, quantity: 1 }], reason: `Race ${i}` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 400, 400, 400, 400, 400]);
    const voided = await request(server)
      .post(`${s.url}/sales/${sale.id}/void`)
      .set(s.auth)
      .send({ reason: 'Late' });
    expect(voided.status).toBe(409);
  } finally {
    server.close();
  }
  expect(await quantityOf(t, p.id)).toBe(3);
  const got = await saleOf(s, sale.id);
  expect([got.refundedTotal, got.netTotal, got.items[0].refundedQuantity]).toEqual([36, 0, 3]);
  for (const r of await ledgerOf(t, s.storeId)) {
    expect(r.quantity).toBe(r.ledger);
    expect(r.lowest).toBeGreaterThanOrEqual(0);
  }
});

test('when a void and a refund of the same sale race, then exactly one of them happens', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { name: 'Scarf', price: 15, initialQuantity: 4 });
  const server = t.app.listen(0);
  try {
    for (let round = 0; round < 3; round++) {
      const sale = (await postSale(s, { items: [{ productId: p.id, quantity: 2 }] }).expect(201))
        .body.data;
      const [voided, refunded] = await Promise.all([
        request(server)
          .post(`${s.url}/sales/${sale.id}/void`)
          .set(s.auth)
          .send({ reason: 'Mistake' }),
        request(server)
          .post(`${s.url}/sales/${sale.id}/refunds`)
          .set(s.auth)
          .send({ lines: [{ saleLineId: sale.items[0].id, quantity: 2 }], reason: 'Returned' }),
      ]);
      expect([voided.status, refunded.status].sort()).toEqual(
        voided.status === 200 ? [200, 409] : [201, 409],
      );
      expect(await quantityOf(t, p.id)).toBe(4);
    }
  } finally {
    server.close();
  }
});
