import { useTestApp } from '../../test/app';
import { backdateProduct, createProduct, quantityOf, storeWithMember } from '../../test/factories';
import { postSale } from '../../test/requests';

// Issue 16, defect 7: a sale rung up while the server was out of reach is dated when it was
// rung up (the till sends `soldAt`), and so are its stock movements and its dashboard day.
const t = useTestApp({ SALE_BACKDATE_DAYS: '7' });

const HOUR = 3_600_000;
const dayIn = (zone: string, at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);

async function saleRows(storeId: string) {
  const { rows } = await t.db.pool.query(
    `SELECT s.sold_at, m.created_at AS moved_at FROM sales s
     JOIN stock_movements m ON m.reference_id = s.id AND m.reason = 'sale'
     WHERE s.store_id = $1`,
    [storeId],
  );
  return rows as Array<{ sold_at: Date; moved_at: Date }>;
}

test('when a till sends a sale it kept offline for 30 hours, then the sale, its movement and the dashboard are on the day it was rung up (store time zone)', async () => {
  const s = await storeWithMember(t, 'employee');
  const zone = 'America/New_York';
  await t.db.pool.query('UPDATE stores SET timezone = $2 WHERE id = $1', [s.storeId, zone]);
  const p = await createProduct(s, { name: 'Oat milk', price: 2.5, initialQuantity: 20 });
  // On the shelf before the till went offline.
  await backdateProduct(t, p.id, new Date(Date.now() - 48 * HOUR));
  // The dashboard has summarised the closed days before the till comes back.
  await t.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200);

  const rungUp = new Date(Math.floor((Date.now() - 30 * HOUR) / 1000) * 1000);
  const day = dayIn(zone, rungUp);
  const res = await postSale(
    s,
    { items: [{ productId: p.id, quantity: 3 }], soldAt: rungUp.toISOString() },
    'till-offline-1',
  ).expect(201);
  expect(res.body.data.soldAt).toBe(rungUp.toISOString());

  // The movement is dated when the sale happened, not when it arrived.
  const moves = await t.api
    .get(`${s.url}/products/${p.id}/movements?reason=sale&dateFrom=${day}&dateTo=${day}`)
    .set(s.auth)
    .expect(200);
  expect(moves.body.data).toEqual([
    expect.objectContaining({ delta: -3, reason: 'sale', createdAt: rungUp.toISOString() }),
  ]);
  expect(await saleRows(s.storeId)).toEqual([{ sold_at: rungUp, moved_at: rungUp }]);
  expect(await quantityOf(t, p.id)).toBe(17);

  // The sales list and the dashboard count it on that store day, not today.
  const listed = await t.api
    .get(`${s.url}/sales?dateFrom=${day}&dateTo=${day}`)
    .set(s.auth)
    .expect(200);
  expect(listed.body.data.map((x: { id: string }) => x.id)).toEqual([res.body.data.id]);
  const dash = (await t.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200)).body.data;
  const trend = new Map(
    dash.salesTrend.map((d: { date: string; units: number }) => [d.date, d.units]),
  );
  expect(trend.get(day)).toBe(3);
  expect(trend.get(dayIn(zone, new Date()))).toBe(day === dayIn(zone, new Date()) ? 3 : 0);
});

test('when soldAt is older than SALE_BACKDATE_DAYS, then 400 on soldAt naming the limit, and nothing is sold', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s, { name: 'Rye bread', price: 3, initialQuantity: 5 });
  const soldAt = new Date(Date.now() - 8 * 24 * HOUR).toISOString();
  const res = await postSale(s, { items: [{ productId: p.id, quantity: 1 }], soldAt }).expect(400);
  expect(res.body.error.details).toEqual([
    {
      field: 'soldAt',
      code: 'too_small',
      message: 'is 8 days ago; a sale may be dated at most 7 days back',
    },
  ]);
  expect(await quantityOf(t, p.id)).toBe(5);
  expect(await saleRows(s.storeId)).toEqual([]);
});

test('when soldAt is ahead of the server beyond the clock-skew allowance, then 400 naming it; within it, the sale is recorded now', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s, { name: 'Honey', price: 6, initialQuantity: 5 });
  const far = await postSale(s, {
    items: [{ productId: p.id, quantity: 1 }],
    soldAt: new Date(Date.now() + 3 * HOUR).toISOString(),
  }).expect(400);
  expect(far.body.error.details[0]).toEqual(
    expect.objectContaining({
      field: 'soldAt',
      message: expect.stringMatching(/at most 5 minutes in the future/),
    }),
  );
  expect(await quantityOf(t, p.id)).toBe(5);

  // A till whose clock runs two minutes fast: recorded at the server's time, never in the future.
  const near = await postSale(s, {
    items: [{ productId: p.id, quantity: 1 }],
    soldAt: new Date(Date.now() + 2 * 60_000).toISOString(),
  }).expect(201);
  expect(new Date(near.body.data.soldAt).getTime()).toBeLessThanOrEqual(Date.now());
  const [row] = await saleRows(s.storeId);
  expect(row!.moved_at).toEqual(row!.sold_at);
});

describe('with SALE_BACKDATE_DAYS=1', () => {
  const strict = useTestApp({ SALE_BACKDATE_DAYS: '1' });

  test('when a sale is two days old, then 400 naming one day; a day-old one is accepted', async () => {
    const s = await storeWithMember(strict, 'employee');
    const p = await createProduct(s, { name: 'Kefir', price: 2, initialQuantity: 5 });
    await backdateProduct(strict, p.id, new Date(Date.now() - 72 * HOUR));
    const sell = (hoursAgo: number) =>
      postSale(s, {
        items: [{ productId: p.id, quantity: 1 }],
        soldAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
      });
    const old = await sell(49).expect(400);
    expect(old.body.error.details[0].message).toBe(
      'is 2 days ago; a sale may be dated at most 1 day back',
    );
    await sell(20).expect(201);
  });
});
