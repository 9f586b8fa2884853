import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, memberOf, storeWithMember } from '../../test/factories';
import {
  orderingStore,
  patchStatus,
  placeOrder,
  postOrder,
  postReceipt,
} from '../../test/purchasing';
import { csvRows, dayAgo, reportOf } from '../../test/reports';

const t = useTestApp();

const leadTime = (id: string, days: number) =>
  t.db.pool.query(
    `UPDATE purchase_orders SET ordered_at = completed_at - make_interval(days => $2) WHERE id = $1`,
    [id, days],
  );

/**
 * Acme: one order on time (2-day lead, all 50 units), one of 10 tea at 1.65 (was 1.50) still
 * open, one cancelled after 5 of 10 units came. Beta: one order late (4-day lead), all there.
 * Gamma: nothing.
 */
async function suppliers() {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const onTime = await placeOrder(s, o, { expectedAt: dayAgo(-5) });
  await patchStatus(s, onTime.id, { status: 'processing' }).expect(200);
  await postReceipt(s, onTime.id, {
    lines: [
      { productId: o.tea.id, quantity: 10 },
      { productId: o.cups.id, quantity: 40 },
    ],
  }).expect(201);
  await leadTime(onTime.id, 2);
  const dearer = await postOrder(s, {
    supplierId: o.supplier.id,
    lines: [{ productId: o.tea.id, quantity: 10, unitCost: 1.65 }],
  }).expect(201);
  const short = await postOrder(s, {
    supplierId: o.supplier.id,
    lines: [{ productId: o.cups.id, quantity: 10, unitCost: 0.25 }],
  }).expect(201);
  await patchStatus(s, short.body.data.id, { status: 'processing' }).expect(200);
  await postReceipt(s, short.body.data.id, {
    lines: [{ productId: o.cups.id, quantity: 5 }],
  }).expect(201);
  await patchStatus(s, short.body.data.id, { status: 'cancelled', reason: 'Out of stock' }).expect(
    200,
  );

  const beta = await createSupplier(s, { name: 'Beta' });
  const bread = await createProduct(s, { name: 'Bread', cost: 2, price: 3 });
  const late = await postOrder(s, {
    supplierId: beta.id,
    expectedAt: dayAgo(1),
    lines: [{ productId: bread.id, quantity: 10, unitCost: 2 }],
  }).expect(201);
  await patchStatus(s, late.body.data.id, { status: 'processing' }).expect(200);
  await postReceipt(s, late.body.data.id, {
    lines: [{ productId: bread.id, quantity: 10 }],
  }).expect(201);
  await leadTime(late.body.data.id, 4);
  const gamma = await createSupplier(s, { name: 'Gamma' });
  return { s, acme: o.supplier, beta, gamma, dearer };
}

test('when suppliers delivered differently, then they are ranked by the documented score', async () => {
  const { s, acme, beta, gamma } = await suppliers();
  const r = await reportOf(s, 'vendor-performance');
  expect(r.period.from).toBe(`${dayAgo(89).slice(0, 7)}-01`);
  expect(r.weights).toEqual({ onTime: 30, fillRate: 30, leadTime: 15, priceChange: 15, spend: 10 });
  expect(r.rows).toEqual([
    {
      rank: 1,
      supplierId: acme.id,
      name: 'Acme Wholesale',
      // 30 × 1 + 30 × 55/60 + 15 × 2/2 + 15 × (1 − 0.10/0.20) + 10 × 41.5/41.5
      score: 90,
      onTimeDeliveryRate: 1,
      fillRate: 0.9167,
      averageLeadTimeDays: 2,
      priceChange: 0.1,
      spend: 41.5,
      orders: 2,
      cancelledOrders: 1,
    },
    {
      rank: 2,
      supplierId: beta.id,
      name: 'Beta',
      // (30 × 0 + 30 × 1 + 15 × 2/4 + 10 × 20/41.5) / 85 × 100: no price component.
      score: 49.8,
      onTimeDeliveryRate: 0,
      fillRate: 1,
      averageLeadTimeDays: 4,
      priceChange: null,
      spend: 20,
      orders: 1,
      cancelledOrders: 0,
    },
    {
      rank: 3,
      supplierId: gamma.id,
      name: 'Gamma',
      score: null,
      onTimeDeliveryRate: null,
      fillRate: null,
      averageLeadTimeDays: null,
      priceChange: null,
      spend: 0,
      orders: 0,
      cancelledOrders: 0,
    },
  ]);

  const csv = await s.api
    .get(`${s.url}/reports/vendor-performance?format=csv`)
    .set(s.auth)
    .expect(200);
  expect(csv.headers['content-disposition']).toBe(
    `attachment; filename="vendor-performance-${r.period.from}-${r.period.to}.csv"`,
  );
  expect(csvRows(csv.text)[2]).toEqual([
    '2',
    beta.id,
    'Beta',
    '49.8',
    '0',
    '1',
    '4',
    '',
    '20',
    '1',
    '0',
  ]);
});

test('when the period is months before the orders, then nobody has a score; an employee gets 403', async () => {
  const { s } = await suppliers();
  const r = await reportOf(s, `vendor-performance?from=${dayAgo(400)}&to=${dayAgo(200)}`);
  expect(
    r.rows.every((row: { score: null; orders: number }) => row.score === null && row.orders === 0),
  ).toBe(true);
  const employee = await memberOf(t, s.storeId, 'employee');
  await t.api.get(`${s.url}/reports/vendor-performance`).set(employee.auth).expect(403);
  await t.api.get(`${s.url}/reports/vendor-performance?groupBy=product`).set(s.auth).expect(400);
});
