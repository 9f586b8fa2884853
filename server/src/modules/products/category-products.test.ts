import { useTestApp } from '../../test/app';
import { createCategory, createProduct, memberOf, storeWithMember } from '../../test/factories';

/** `GET categories/{id}/products`: the product list, paged, with the category from the path. */
const t = useTestApp();

async function shelf() {
  const s = await storeWithMember(t, 'manager');
  const drinks = await createCategory(s, { name: 'Drinks' });
  const snacks = await createCategory(s, { name: 'Snacks' });
  for (const name of ['Apple juice', 'Cola', 'Lemonade'])
    await createProduct(s, { name, categoryId: drinks.id, initialQuantity: 5 });
  await createProduct(s, { name: 'Crisps', categoryId: snacks.id });
  return { s, drinks, snacks };
}

test('when a category’s products are asked a page at a time, then they come like the product list’s, only that category’s', async () => {
  const { s, drinks } = await shelf();
  const url = `${s.url}/categories/${drinks.id}/products`;
  const first = await s.api.get(`${url}?limit=2`).set(s.auth).expect(200);
  expect(first.body.data.map((p: { name: string }) => p.name)).toEqual(['Apple juice', 'Cola']);
  expect(first.body.pagination).toEqual(
    expect.objectContaining({ page: 1, limit: 2, total: 3, totalPages: 2, hasNext: true }),
  );
  const second = await s.api.get(`${url}?limit=2&page=2`).set(s.auth).expect(200);
  expect(second.body.data.map((p: { name: string }) => p.name)).toEqual(['Lemonade']);
  // The same as the product list filtered by the category, sorted the other way.
  const listed = await s.api
    .get(`${s.url}/products?category=${drinks.id}&sort=name&order=desc`)
    .set(s.auth)
    .expect(200);
  const ours = await s.api.get(`${url}?sort=name&order=desc`).set(s.auth).expect(200);
  expect(ours.body.data).toEqual(listed.body.data);
});

test('when the category is another store’s or unknown, then 404; a category in the query is 400; a non-member 403', async () => {
  const { s, drinks } = await shelf();
  const other = await storeWithMember(t, 'manager');
  await other.api.get(`${other.url}/categories/${drinks.id}/products`).set(other.auth).expect(404);
  await s.api
    .get(`${s.url}/categories/00000000-0000-4000-8000-000000000000/products`)
    .set(s.auth)
    .expect(404);
  const res = await s.api
    .get(`${s.url}/categories/${drinks.id}/products?category=${drinks.id}`)
    .set(s.auth)
    .expect(400);
  expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'category' })]);
  await other.api.get(`${s.url}/categories/${drinks.id}/products`).set(other.auth).expect(403);
});

test('when an employee sorts a category’s products by cost, then 403 as on the product list; costs are hidden from them', async () => {
  const { s, drinks } = await shelf();
  const employee = await memberOf(t, s.storeId, 'employee');
  const url = `${s.url}/categories/${drinks.id}/products`;
  await employee.api.get(`${url}?sort=cost`).set(employee.auth).expect(403);
  const res = await employee.api.get(url).set(employee.auth).expect(200);
  expect(res.body.data.every((p: { cost: unknown }) => p.cost === null)).toBe(true);
});
