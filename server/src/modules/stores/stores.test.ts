import { useTestApp } from '../../test/app';
import {
  countRows,
  createProduct,
  createStore,
  createUser,
  memberOf,
  storeWithMember,
} from '../../test/factories';
import { postSale } from '../../test/requests';

const t = useTestApp();

const as = (userId: string) => ({ Authorization: `Bearer ${t.tokenFor(userId)}` });

test('when a user creates a store, then they are its admin and it is listed among their stores', async () => {
  const u = await createUser(t.db.pool);
  const res = await t.api
    .post('/api/v1/stores')
    .set(as(u.id))
    .send({ name: 'Hardware Hub', currency: 'eur', timezone: 'Europe/Berlin' })
    .expect(201);
  expect(res.body.data).toEqual(
    expect.objectContaining({
      name: 'Hardware Hub',
      currency: 'EUR',
      timezone: 'Europe/Berlin',
      role: 'admin',
    }),
  );
  const list = await t.api.get('/api/v1/stores').set(as(u.id)).expect(200);
  expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([res.body.data.id]);
  expect(list.body.pagination).toEqual({
    page: 1,
    limit: 20,
    total: 1,
    totalPages: 1,
    hasNext: false,
    hasPrev: false,
  });
});

test('when a user lists stores, then only their own are shown, paginated', async () => {
  const u = await createUser(t.db.pool);
  for (const name of ['B', 'A', 'C'])
    await t.api.post('/api/v1/stores').set(as(u.id)).send({ name }).expect(201);
  await createStore(t.db.pool, { name: 'Someone else' });
  const page2 = await t.api.get('/api/v1/stores?page=2&limit=2').set(as(u.id)).expect(200);
  expect(page2.body.data.map((s: { name: string }) => s.name)).toEqual(['C']);
  expect(page2.body.pagination).toEqual(
    expect.objectContaining({ total: 3, totalPages: 2, hasNext: false, hasPrev: true }),
  );
  const bad = await t.api.get('/api/v1/stores?limit=1000').set(as(u.id)).expect(400);
  expect(bad.body.error.details[0].field).toBe('limit');
});

test.each([
  [{ name: '' }, 'name'],
  [{ name: 'Ok', currency: 'XXQ' }, 'currency'],
  [{ name: 'Ok', timezone: 'Mars/Olympus' }, 'timezone'],
  [{ name: ['array'] }, 'name'],
])(
  'when a store body is bad (%j), then 400 naming %s and nothing is created',
  async (body, field) => {
    const u = await createUser(t.db.pool);
    const res = await t.api.post('/api/v1/stores').set(as(u.id)).send(body).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM memberships WHERE user_id = $1',
      [u.id],
    );
    expect(rows[0].n).toBe(0);
  },
);

test('when an admin edits the store, then it changes; when others try, then 403 and nothing changes', async () => {
  const admin = await storeWithMember(t, 'admin');
  for (const role of ['manager', 'employee', 'viewer'] as const) {
    const other = await memberOf(t, admin.storeId, role);
    await t.api.patch(admin.url).set(other.auth).send({ name: 'Hijacked' }).expect(403);
    await t.api.delete(admin.url).set(other.auth).expect(403);
    const seen = await t.api.get(admin.url).set(other.auth).expect(200);
    expect(seen.body.data.role).toBe(role);
  }
  const res = await t.api
    .patch(admin.url)
    .set(admin.auth)
    .send({ name: 'Renamed', timezone: 'America/New_York' })
    .expect(200);
  expect(res.body.data).toEqual(
    expect.objectContaining({ name: 'Renamed', timezone: 'America/New_York', currency: 'USD' }),
  );
  await t.api.patch(admin.url).set(admin.auth).send({}).expect(400);
  const { rows } = await t.db.pool.query('SELECT name FROM stores WHERE id = $1', [admin.storeId]);
  expect(rows[0].name).toBe('Renamed');
});

test('when a non-member touches a store, then 403 for every store route', async () => {
  const { storeId, url } = await storeWithMember(t, 'admin');
  const outsider = await createUser(t.db.pool);
  const h = as(outsider.id);
  await t.api.get(url).set(h).expect(403);
  await t.api.patch(url).set(h).send({ name: 'x' }).expect(403);
  await t.api.delete(url).set(h).expect(403);
  await t.api.get(`${url}/members`).set(h).expect(403);
  await t.api
    .post(`${url}/members`)
    .set(h)
    .send({ email: outsider.email, role: 'admin' })
    .expect(403);
  await t.api.get(`${url}/invitations`).set(h).expect(403);
  expect(await countRows(t, 'memberships', storeId)).toBe(1);
});

test('when requests carry no token, then 401; malformed store ids 400', async () => {
  await t.api.get('/api/v1/stores').expect(401);
  await t.api.post('/api/v1/stores').send({ name: 'x' }).expect(401);
  const u = await createUser(t.db.pool);
  const res = await t.api.get('/api/v1/stores/123').set(as(u.id)).expect(400);
  expect(res.body.error.code).toBe('VALIDATION_ERROR');
});

test('when an admin deletes the store, then it, its memberships and its sales are gone', async () => {
  const s = await storeWithMember(t, 'admin');
  const product = await createProduct(s, { name: 'Mop', price: 9, initialQuantity: 3 });
  await postSale(s, { items: [{ productId: product.id, quantity: 1 }] }).expect(201);
  await t.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200);
  await t.api.delete(s.url).set(s.auth).expect(204);
  await t.api.get(s.url).set(s.auth).expect(403);
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*) FROM memberships WHERE store_id = $1)::int AS members,
       (SELECT count(*) FROM products WHERE store_id = $1)::int AS products,
       (SELECT count(*) FROM sale_items WHERE store_id = $1)::int AS lines,
       (SELECT count(*) FROM dashboard_stock WHERE store_id = $1)::int
         + (SELECT count(*) FROM dashboard_sales_days WHERE store_id = $1)::int
         + (SELECT count(*) FROM dashboard_product_sales WHERE store_id = $1)::int AS figures`,
    [s.storeId],
  );
  expect(rows[0]).toEqual({ members: 0, products: 0, lines: 0, figures: 0 });
});
