import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember } from '../../test/factories';

/**
 * `GET products?updatedSince=…`: what changed since a copy was taken (the till's offline
 * catalogue catches up with it), keyset-paged by `updatedAt`.
 */
const t = useTestApp();

type Row = { id: string; name: string; price: number; updatedAt: string };

async function changedSince(s: Awaited<ReturnType<typeof storeWithMember>>, since: string) {
  const names: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const res = await s.api
      .get(`${s.url}/products`)
      .query({ updatedSince: since, sort: 'updatedAt', limit: 2, ...(cursor ? { cursor } : {}) })
      .set(s.auth)
      .expect(200);
    names.push(...res.body.data.map((p: Row) => p.name));
    cursor = res.body.pagination.nextCursor ?? undefined;
    if (!res.body.pagination.hasNext) break;
  }
  return names;
}

test('when products change after an instant, then updatedSince lists those only, a page at a time by updatedAt', async () => {
  const s = await storeWithMember(t, 'manager');
  const old = await createProduct(s, { name: 'Old soap', price: 2 });
  await createProduct(s, { name: 'Old brush', price: 3 });
  await t.db.pool.query(
    `UPDATE products SET updated_at = now() - interval '1 hour' WHERE store_id = $1`,
    [s.storeId],
  );
  const since = new Date(Date.now() - 60_000).toISOString();
  for (const name of ['New tea', 'New coffee', 'New cocoa'])
    await createProduct(s, { name, price: 4 });
  await s.api.patch(`${s.url}/products/${old.id}`).set(s.auth).send({ price: 2.5 }).expect(200);

  const names = await changedSince(s, since);
  expect(names.sort()).toEqual(['New cocoa', 'New coffee', 'New tea', 'Old soap']);
  // An instant in the future: nothing yet.
  expect(await changedSince(s, new Date(Date.now() + 60_000).toISOString())).toEqual([]);
});

test('when updatedSince is not an ISO date-time, then 400 naming it; another store’s member 403; an employee may read it', async () => {
  const s = await storeWithMember(t, 'manager');
  await createProduct(s, { name: 'Tea' });
  for (const bad of ['yesterday', '2027-13-01T00:00:00Z', '2027-01-01']) {
    const res = await s.api.get(`${s.url}/products`).query({ updatedSince: bad }).set(s.auth);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'updatedSince' })]);
  }
  const other = await storeWithMember(t, 'admin');
  await other.api
    .get(`${s.url}/products`)
    .query({ updatedSince: '2020-01-01T00:00:00Z' })
    .set(other.auth)
    .expect(403);
  const employee = await memberOf(t, s.storeId, 'employee');
  const res = await employee.api
    .get(`${s.url}/products`)
    .query({ updatedSince: '2020-01-01T00:00:00+02:00' })
    .set(employee.auth)
    .expect(200);
  expect(res.body.data.map((p: Row) => p.name)).toEqual(['Tea']);
});
