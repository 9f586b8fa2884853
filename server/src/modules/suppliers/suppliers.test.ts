import { COUNTRY_CODES } from '../../core/countries';
import { loadOpenApi } from '../../ops/docs';
import { useTestApp } from '../../test/app';
import {
  countRows,
  createProduct,
  createSupplier,
  memberOf,
  storeWithMember,
} from '../../test/factories';

const t = useTestApp();

const acme = {
  name: 'Acme Foods',
  email: 'Orders@Acme.example',
  phone: '+1 (555) 010-2030',
  city: 'Springfield',
  website: 'https://acme.example',
  contactPerson: 'Wile E.',
  paymentTerms: 'Net 30',
  taxId: 'DE-123456789',
  status: 'active',
  leadTimeDays: 5,
};

test('when a manager adds a supplier with a tax id, then it is encrypted at rest and only its last 4 are shown', async () => {
  const s = await storeWithMember(t, 'manager');
  const res = await t.api.post(`${s.url}/suppliers`).set(s.auth).send(acme).expect(201);
  expect(res.body.data).toEqual(
    expect.objectContaining({
      name: 'Acme Foods',
      email: 'orders@acme.example',
      taxIdLast4: '6789',
      leadTimeDays: 5,
      productCount: 0,
    }),
  );
  expect(res.body.data.taxId).toBeUndefined();
  const { rows } = await t.db.pool.query('SELECT tax_id_encrypted FROM suppliers WHERE id = $1', [
    res.body.data.id,
  ]);
  expect(rows[0].tax_id_encrypted).not.toContain('123456789');
  expect(Buffer.from(rows[0].tax_id_encrypted, 'base64').length).toBeGreaterThan(28);
  // Two encryptions of one value differ (random IV).
  const again = await t.api
    .post(`${s.url}/suppliers`)
    .set(s.auth)
    .send({ ...acme, name: 'Acme 2' })
    .expect(201);
  const { rows: r2 } = await t.db.pool.query(
    'SELECT tax_id_encrypted FROM suppliers WHERE id = $1',
    [again.body.data.id],
  );
  expect(r2[0].tax_id_encrypted).not.toBe(rows[0].tax_id_encrypted);

  const updated = await t.api
    .patch(`${s.url}/suppliers/${res.body.data.id}`)
    .set(s.auth)
    .send({ status: 'on-hold', taxId: null })
    .expect(200);
  expect(updated.body.data).toEqual(
    expect.objectContaining({ status: 'on-hold', taxIdLast4: null, city: 'Springfield' }),
  );
  const list = await t.api.get(`${s.url}/suppliers?status=on-hold`).set(s.auth).expect(200);
  expect(list.body.data.map((x: { name: string }) => x.name)).toEqual(['Acme Foods']);
});

test.each([
  [{ name: '' }, 'name'],
  [{ name: 'X', email: 'nope' }, 'email'],
  [{ name: 'X', website: 'javascript:alert(1)' }, 'website'],
  [{ name: 'X', status: 'closed' }, 'status'],
  [{ name: 'X', leadTimeDays: 1.5 }, 'leadTimeDays'],
  [{ name: 'X', phone: 'call me' }, 'phone'],
])('when a supplier body is bad (%j), then 400 on %s', async (body, field) => {
  const s = await storeWithMember(t);
  const res = await t.api.post(`${s.url}/suppliers`).set(s.auth).send(body).expect(400);
  expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
});

test('roles and tenancy: employees and viewers read but cannot manage vendors; other stores get 403/404', async () => {
  const s = await storeWithMember(t);
  const { id } = await createSupplier(s, { name: 'Bolt & Nut' });
  for (const role of ['employee', 'viewer'] as const) {
    const m = await memberOf(t, s.storeId, role);
    await t.api.get(`${s.url}/suppliers/${id}`).set(m.auth).expect(200);
    await t.api.post(`${s.url}/suppliers`).set(m.auth).send({ name: 'Nope' }).expect(403);
    await t.api.patch(`${s.url}/suppliers/${id}`).set(m.auth).send({ name: 'Nope' }).expect(403);
    await t.api.delete(`${s.url}/suppliers/${id}`).set(m.auth).expect(403);
  }
  const other = await storeWithMember(t);
  await t.api.get(`${s.url}/suppliers`).set(other.auth).expect(403);
  await t.api.get(`${other.url}/suppliers/${id}`).set(other.auth).expect(404);
  await t.api.get(`${other.url}/suppliers/${id}/products`).set(other.auth).expect(404);
  await t.api.delete(`${s.url}/suppliers/${id}`).set(s.auth).expect(204);
});

test("a supplier's products are listed under it", async () => {
  const s = await storeWithMember(t);
  const sup = await createSupplier(s, { name: 'Fresh Farm' });
  await createProduct(s, { name: 'Eggs', price: 3, supplierId: sup.id });
  await createProduct(s, { name: 'Bread', price: 2 });
  const res = await t.api.get(`${s.url}/suppliers/${sup.id}/products`).set(s.auth).expect(200);
  expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['Eggs']);
  const again = await t.api.get(`${s.url}/suppliers/${sup.id}`).set(s.auth).expect(200);
  expect(again.body.data.productCount).toBe(1);
});

test('when a supplier is given a country, then it is stored as its ISO code, shown, changed and cleared', async () => {
  const s = await storeWithMember(t, 'manager');
  const created = await t.api
    .post(`${s.url}/suppliers`)
    .set(s.auth)
    .send({ name: 'Kaffee Kontor', address: 'Am Sandtorkai 1', city: 'Hamburg', country: 'de' })
    .expect(201);
  const { id } = created.body.data;
  expect(created.body.data).toEqual(expect.objectContaining({ city: 'Hamburg', country: 'DE' }));
  const stored = await t.db.pool.query('SELECT country FROM suppliers WHERE id = $1', [id]);
  expect(stored.rows[0].country).toBe('DE');

  const moved = await t.api
    .patch(`${s.url}/suppliers/${id}`)
    .set(s.auth)
    .send({ country: 'AT' })
    .expect(200);
  expect(moved.body.data).toEqual(expect.objectContaining({ country: 'AT', city: 'Hamburg' }));
  const cleared = await t.api
    .patch(`${s.url}/suppliers/${id}`)
    .set(s.auth)
    .send({ country: null })
    .expect(200);
  expect(cleared.body.data.country).toBeNull();

  // Left out, it is null: the address is optional, the country with it.
  const plain = await t.api.post(`${s.url}/suppliers`).set(s.auth).send({ name: 'Nowhere Ltd' });
  expect(plain.status).toBe(201);
  expect(plain.body.data.country).toBeNull();
});

test.each(['Germany', 'XX', 'UK', 'D', 'DEU', 7])(
  'when a supplier country is not an ISO 3166-1 alpha-2 code (%j), then 400 on country and nothing is stored',
  async (country) => {
    const s = await storeWithMember(t);
    const res = await t.api
      .post(`${s.url}/suppliers`)
      .set(s.auth)
      .send({ name: 'Wrong Country', country })
      .expect(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'country' })]);
    expect(await countRows(t, 'suppliers', s.storeId)).toBe(0);
  },
);

test('the country codes the API accepts are the ones openapi.yaml lists', () => {
  const spec = loadOpenApi() as { components: { schemas: Record<string, { enum?: string[] }> } };
  expect(spec.components.schemas.CountryCode?.enum).toEqual([...COUNTRY_CODES]);
  expect(COUNTRY_CODES).toHaveLength(249);
});
