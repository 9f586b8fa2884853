import { useTestApp } from '../../test/app';
import {
  countRows,
  createCategory,
  createProduct,
  memberOf,
  outboxTypes,
  storeWithMember,
} from '../../test/factories';

const t = useTestApp();

test('when staff create, rename and delete a category, then the list follows and events are written', async () => {
  const s = await storeWithMember(t, 'manager');
  const created = await t.api
    .post(`${s.url}/categories`)
    .set(s.auth)
    .send({ name: 'Dairy', description: 'Milk & co' })
    .expect(201);
  expect(created.body.data).toEqual(
    expect.objectContaining({ name: 'Dairy', description: 'Milk & co', productCount: 0 }),
  );
  const id = created.body.data.id;
  await t.api
    .patch(`${s.url}/categories/${id}`)
    .set(s.auth)
    .send({ name: 'Dairy & Eggs', description: null })
    .expect(200);
  const list = await t.api.get(`${s.url}/categories?search=eggs`).set(s.auth).expect(200);
  expect(
    list.body.data.map((c: { name: string; description: null }) => [c.name, c.description]),
  ).toEqual([['Dairy & Eggs', null]]);
  await t.api.delete(`${s.url}/categories/${id}`).set(s.auth).expect(204);
  await t.api.get(`${s.url}/categories/${id}`).set(s.auth).expect(404);
  expect(await outboxTypes(t, s.storeId)).toEqual([
    'category.created',
    'category.updated',
    'category.deleted',
  ]);
});

test('when a name is taken in any letter case, then 409 on the name field; another store may use it', async () => {
  const s = await storeWithMember(t);
  await createCategory(s, { name: 'Bakery' });
  const dup = await t.api
    .post(`${s.url}/categories`)
    .set(s.auth)
    .send({ name: 'BAKERY' })
    .expect(409);
  expect(dup.body.error.details[0].field).toBe('name');
  const other = await storeWithMember(t);
  await t.api.post(`${other.url}/categories`).set(other.auth).send({ name: 'Bakery' }).expect(201);
});

test.each([[{ name: '' }], [{ name: 'x'.repeat(51) }], [{ name: 12 }], [{}]])(
  'when the body is %j, then 400 and nothing is created',
  async (body) => {
    const s = await storeWithMember(t);
    await t.api.post(`${s.url}/categories`).set(s.auth).send(body).expect(400);
    expect(await countRows(t, 'categories', s.storeId)).toBe(0);
  },
);

test("roles: viewers read only, employees cannot delete, outsiders get 403, other stores' ids are 404", async () => {
  const s = await storeWithMember(t);
  const { id } = await createCategory(s, { name: 'Tools' });
  const viewer = await memberOf(t, s.storeId, 'viewer');
  const employee = await memberOf(t, s.storeId, 'employee');
  await t.api.get(`${s.url}/categories`).set(viewer.auth).expect(200);
  await t.api.post(`${s.url}/categories`).set(viewer.auth).send({ name: 'X' }).expect(403);
  await t.api.patch(`${s.url}/categories/${id}`).set(viewer.auth).send({ name: 'X' }).expect(403);
  await t.api
    .patch(`${s.url}/categories/${id}`)
    .set(employee.auth)
    .send({ name: 'Hand tools' })
    .expect(200);
  await t.api.delete(`${s.url}/categories/${id}`).set(employee.auth).expect(403);
  const outsider = await storeWithMember(t);
  await t.api.get(`${s.url}/categories`).set(outsider.auth).expect(403);
  await t.api.get(`${outsider.url}/categories/${id}`).set(outsider.auth).expect(404);
  await t.api.delete(`${outsider.url}/categories/${id}`).set(outsider.auth).expect(404);
  await t.api.get(`${s.url}/categories?sort=secret`).set(s.auth).expect(400);
  await t.api.get(`${s.url}/categories/not-a-uuid`).set(s.auth).expect(400);
  const { rows } = await t.db.pool.query('SELECT name FROM categories WHERE id = $1', [id]);
  expect(rows[0].name).toBe('Hand tools');
});

test('when the list is sorted by product count, then each page follows the counts (ties by id) and the totals count every match', async () => {
  const s = await storeWithMember(t);
  const made = [];
  for (const [name, products] of [
    ['Aisle A', 2],
    ['Aisle B', 0],
    ['Aisle C', 3],
    ['Aisle D', 2],
    ['Other', 1],
  ] as const) {
    const { id } = await createCategory(s, { name });
    for (let i = 0; i < products; i++) await createProduct(s, { categoryId: id });
    made.push({ id, name, products });
  }
  const aisles = made.filter((c) => c.name.startsWith('Aisle'));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const expected = {
    asc: [...aisles].sort((a, b) => a.products - b.products || byId(a, b)),
    desc: [...aisles].sort((a, b) => b.products - a.products || byId(a, b)),
  };
  for (const order of ['asc', 'desc'] as const) {
    const pages = [];
    for (const page of [1, 2]) {
      const res = await t.api
        .get(
          `${s.url}/categories?search=aisle&sort=productCount&order=${order}&limit=3&page=${page}`,
        )
        .set(s.auth)
        .expect(200);
      expect(res.body.pagination.total).toBe(4);
      pages.push(...res.body.data);
    }
    expect(
      pages.map((c: { name: string; productCount: number }) => [c.name, c.productCount]),
    ).toEqual(expected[order].map((c) => [c.name, c.products]));
  }
  const byName = await t.api.get(`${s.url}/categories?sort=name&limit=2`).set(s.auth).expect(200);
  expect(byName.body.data.map((c: { productCount: number }) => c.productCount)).toEqual([2, 0]);
});
