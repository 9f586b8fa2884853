import { useTestApp } from '../../test/app';
import { backdateProduct, createProduct, memberOf, storeWithMember } from '../../test/factories';
import { postSale } from '../../test/requests';

/** Listing sales: filters, date ranges in the store's time zone, sorting and cursors. */
const t = useTestApp();

test('sales are listed by product and date range, newest first, with a keyset cursor', async () => {
  const s = await storeWithMember(t);
  const viewer = await memberOf(t, s.storeId, 'viewer');
  const a = await createProduct(s, { name: 'A', price: 1, initialQuantity: 50 });
  const b = await createProduct(s, { name: 'B', price: 2, initialQuantity: 50 });
  for (const p of [a, b]) await backdateProduct(t, p.id, new Date('2025-12-01T00:00:00Z'));
  const days = [
    '2026-01-01T10:00:00Z',
    '2026-01-02T10:00:00Z',
    '2026-01-03T10:00:00Z',
    '2026-01-04T10:00:00Z',
  ];
  for (const [i, soldAt] of days.entries()) {
    await postSale(s, {
      soldAt,
      items: [{ productId: i % 2 ? b.id : a.id, quantity: 1 }],
    }).expect(201);
  }
  const byProduct = await t.api
    .get(`${s.url}/sales?productId=${a.id}`)
    .set(viewer.auth)
    .expect(200);
  expect(byProduct.body.data.map((x: { soldAt: string }) => x.soldAt)).toEqual([
    '2026-01-03T10:00:00.000Z',
    '2026-01-01T10:00:00.000Z',
  ]);
  const range = await t.api
    .get(`${s.url}/sales?dateFrom=2026-01-02&dateTo=2026-01-03T23:59:59Z`)
    .set(s.auth)
    .expect(200);
  expect(range.body.pagination.total).toBe(2);
  const page1 = await t.api.get(`${s.url}/sales?limit=3&cursor=`).set(s.auth).expect(400);
  expect(page1.body.error.details[0].field).toBe('cursor');
  const first = await t.api.get(`${s.url}/sales?limit=3`).set(s.auth).expect(200);
  const next = await t.api
    .get(`${s.url}/sales?limit=3&cursor=${first.body.pagination.nextCursor}`)
    .set(s.auth)
    .expect(200);
  expect(
    [...first.body.data, ...next.body.data].map((x: { soldAt: string }) => x.soldAt.slice(0, 10)),
  ).toEqual(['2026-01-04', '2026-01-03', '2026-01-02', '2026-01-01']);
  const byTotal = await t.api.get(`${s.url}/sales?sort=total&limit=3`).set(s.auth).expect(200);
  expect(byTotal.body.pagination).toEqual(expect.objectContaining({ nextCursor: null, total: 4 }));
  await t.api.get(`${s.url}/sales?dateFrom=yesterday`).set(s.auth).expect(400);
  await postSale(viewer, { items: [{ productId: a.id, quantity: 1 }] }).expect(403);
  const other = await storeWithMember(t);
  await t.api.get(`${other.url}/sales/${first.body.data[0].id}`).set(other.auth).expect(404);
});

test('a date-only range covers whole days in the store time zone; an inverted range is a 400', async () => {
  const s = await storeWithMember(t);
  await t.api.patch(s.url).set(s.auth).send({ timezone: 'America/Los_Angeles' }).expect(200);
  const p = await createProduct(s, { name: 'Late', price: 1, initialQuantity: 50 });
  await backdateProduct(t, p.id, new Date('2026-03-01T00:00:00Z'));
  // 2026-03-10 in Los Angeles (UTC-7 after the DST change on the 8th) runs 07:00Z to 07:00Z.
  for (const soldAt of [
    '2026-03-10T06:59:59Z', // 9th, 23:59:59 local
    '2026-03-10T07:00:00Z', // 10th, 00:00 local
    '2026-03-11T06:59:59.999Z', // 10th, 23:59:59.999 local
    '2026-03-11T07:00:00Z', // 11th, 00:00 local
  ]) {
    await postSale(s, { soldAt, items: [{ productId: p.id, quantity: 1 }] }).expect(201);
  }
  const day = await t.api
    .get(`${s.url}/sales?dateFrom=2026-03-10&dateTo=2026-03-10&order=asc`)
    .set(s.auth)
    .expect(200);
  expect(day.body.data.map((x: { soldAt: string }) => x.soldAt)).toEqual([
    '2026-03-10T07:00:00.000Z',
    '2026-03-11T06:59:59.999Z',
  ]);
  // Their movements are dated when the sales happened: the same two on the 10th, and nothing
  // today (the initial stock is dated with the product, on the 1st).
  const movementsOn = async (day: string) =>
    (
      await t.api
        .get(`${s.url}/products/${p.id}/movements?dateFrom=${day}&dateTo=${day}`)
        .set(s.auth)
        .expect(200)
    ).body;
  const onTenth = await movementsOn('2026-03-10');
  expect(onTenth.data.map((m: { createdAt: string }) => m.createdAt)).toEqual([
    '2026-03-11T06:59:59.999Z',
    '2026-03-10T07:00:00.000Z',
  ]);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format();
  expect((await movementsOn(today)).pagination.total).toBe(0);

  const inverted = await t.api
    .get(`${s.url}/sales?dateFrom=2026-03-11&dateTo=2026-03-10`)
    .set(s.auth)
    .expect(400);
  expect(inverted.body.error.details).toEqual([
    expect.objectContaining({ field: 'dateFrom', message: 'must not be after dateTo' }),
  ]);
  const invalid = await t.api.get(`${s.url}/sales?dateTo=2026-13-45`).set(s.auth).expect(400);
  expect(invalid.body.error.details[0]).toEqual(
    expect.objectContaining({ field: 'dateTo', message: 'must be an ISO date or date-time' }),
  );
});
