import { buildTestApp, type TestApp } from '../../test/app';
import { addMember, createStore, createUser } from '../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const as = (userId: string) => ({ Authorization: `Bearer ${t.tokenFor(userId)}` });

async function storeWith(role: 'admin' | 'manager' | 'employee' | 'viewer') {
  const user = await createUser(t.db.pool);
  const store = await createStore(t.db.pool);
  await addMember(t.db.pool, store.id, user.id, role);
  return { user, store };
}

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
  const { user: admin, store } = await storeWith('admin');
  for (const role of ['manager', 'employee', 'viewer'] as const) {
    const other = await createUser(t.db.pool);
    await addMember(t.db.pool, store.id, other.id, role);
    await t.api
      .patch(`/api/v1/stores/${store.id}`)
      .set(as(other.id))
      .send({ name: 'Hijacked' })
      .expect(403);
    await t.api.delete(`/api/v1/stores/${store.id}`).set(as(other.id)).expect(403);
    const seen = await t.api.get(`/api/v1/stores/${store.id}`).set(as(other.id)).expect(200);
    expect(seen.body.data.role).toBe(role);
  }
  const res = await t.api
    .patch(`/api/v1/stores/${store.id}`)
    .set(as(admin.id))
    .send({ name: 'Renamed', timezone: 'America/New_York' })
    .expect(200);
  expect(res.body.data).toEqual(
    expect.objectContaining({ name: 'Renamed', timezone: 'America/New_York', currency: 'USD' }),
  );
  await t.api.patch(`/api/v1/stores/${store.id}`).set(as(admin.id)).send({}).expect(400);
  const { rows } = await t.db.pool.query('SELECT name FROM stores WHERE id = $1', [store.id]);
  expect(rows[0].name).toBe('Renamed');
});

test('when a non-member touches a store, then 403 for every store route', async () => {
  const { store } = await storeWith('admin');
  const outsider = await createUser(t.db.pool);
  const h = as(outsider.id);
  await t.api.get(`/api/v1/stores/${store.id}`).set(h).expect(403);
  await t.api.patch(`/api/v1/stores/${store.id}`).set(h).send({ name: 'x' }).expect(403);
  await t.api.delete(`/api/v1/stores/${store.id}`).set(h).expect(403);
  await t.api.get(`/api/v1/stores/${store.id}/members`).set(h).expect(403);
  await t.api
    .post(`/api/v1/stores/${store.id}/members`)
    .set(h)
    .send({ email: outsider.email, role: 'admin' })
    .expect(403);
  await t.api.get(`/api/v1/stores/${store.id}/invitations`).set(h).expect(403);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM memberships WHERE store_id = $1',
    [store.id],
  );
  expect(rows[0].n).toBe(1);
});

test('when requests carry no token, then 401; malformed store ids 400', async () => {
  await t.api.get('/api/v1/stores').expect(401);
  await t.api.post('/api/v1/stores').send({ name: 'x' }).expect(401);
  const u = await createUser(t.db.pool);
  const res = await t.api.get('/api/v1/stores/123').set(as(u.id)).expect(400);
  expect(res.body.error.code).toBe('VALIDATION_ERROR');
});

test('when an admin deletes the store, then it, its memberships and its sales are gone', async () => {
  const { user, store } = await storeWith('admin');
  const url = `/api/v1/stores/${store.id}`;
  const product = await t.api
    .post(`${url}/products`)
    .set(as(user.id))
    .send({ name: 'Mop', price: 9, initialQuantity: 3 })
    .expect(201);
  await t.api
    .post(`${url}/sales`)
    .set(as(user.id))
    .send({ items: [{ productId: product.body.data.id, quantity: 1 }] })
    .expect(201);
  await t.api.get(`${url}/analytics/dashboard`).set(as(user.id)).expect(200);
  await t.api.delete(url).set(as(user.id)).expect(204);
  await t.api.get(url).set(as(user.id)).expect(403);
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*) FROM memberships WHERE store_id = $1)::int AS members,
       (SELECT count(*) FROM products WHERE store_id = $1)::int AS products,
       (SELECT count(*) FROM sale_items WHERE store_id = $1)::int AS lines,
       (SELECT count(*) FROM sales_snapshots WHERE store_id = $1)::int AS snapshots`,
    [store.id],
  );
  expect(rows[0]).toEqual({ members: 0, products: 0, lines: 0, snapshots: 0 });
});
