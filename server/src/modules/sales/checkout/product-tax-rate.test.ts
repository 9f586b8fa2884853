import { useTestApp } from '../../../test/app';
import { createCategory, createProduct, memberOf, storeWithMember } from '../../../test/factories';
import { postSale } from '../../../test/requests';
import { settle, taxRate } from './checkout-test-helpers';

/** A product's own tax rate, set from the product form (issue 22). */
const t = useTestApp();

test('when a manager gives a product its own rate, then sales charge it over its category’s, and clearing it goes back', async () => {
  const admin = await storeWithMember(t, 'admin');
  const manager = await memberOf(t, admin.storeId, 'manager');
  const food = await createCategory(admin, { name: 'Food' });
  const reduced = await taxRate(admin, { name: 'Reduced', rateBps: 500, categoryIds: [food.id] });
  const standard = await taxRate(admin, { name: 'Standard', rateBps: 2000 });
  await settle(admin, { defaultTaxRateId: standard.id });
  const candy = await createProduct(admin, {
    name: 'Candy',
    price: 10,
    categoryId: food.id,
    initialQuantity: 10,
  });
  const url = `${admin.url}/products/${candy.id}/tax-rate`;
  const put = (who: typeof admin, body: object) => who.api.put(url).set(who.auth).send(body);
  const taxOfSale = async () =>
    (await postSale(admin, { items: [{ productId: candy.id, quantity: 1 }] }).expect(201)).body.data
      .taxTotal;

  expect((await admin.api.get(url).set(admin.auth).expect(200)).body.data).toEqual({
    productId: candy.id,
    taxRateId: null,
  });
  expect(await taxOfSale()).toBe(0.5);
  expect((await put(manager, { taxRateId: standard.id }).expect(200)).body.data.taxRateId).toBe(
    standard.id,
  );
  expect(await taxOfSale()).toBe(2);
  const rates = (await admin.api.get(`${admin.url}/tax-rates`).set(admin.auth)).body.data;
  expect(rates.find((r: { id: string }) => r.id === standard.id).productIds).toEqual([candy.id]);
  await put(manager, { taxRateId: reduced.id }).expect(200);
  expect(await taxOfSale()).toBe(0.5);
  await put(manager, { taxRateId: null }).expect(200);
  expect((await admin.api.get(url).set(admin.auth)).body.data.taxRateId).toBeNull();

  // Who may: managers and admins; employees read it; other stores neither.
  const employee = await memberOf(t, admin.storeId, 'employee');
  await employee.api.get(url).set(employee.auth).expect(200);
  await put(employee, { taxRateId: standard.id }).expect(403);
  const other = await storeWithMember(t, 'admin');
  await put({ ...other, url: admin.url }, { taxRateId: standard.id }).expect(403);
  const theirRate = await taxRate(other, { name: 'Theirs', rateBps: 100 });
  await other.api
    .put(`${other.url}/products/${candy.id}/tax-rate`)
    .set(other.auth)
    .send({ taxRateId: theirRate.id })
    .expect(404);
  // Bad input changes nothing.
  for (const bad of [
    { taxRateId: theirRate.id },
    { taxRateId: 'x' },
    {},
    { taxRateId: null, x: 1 },
  ])
    await put(admin, bad).expect(400);
  expect((await admin.api.get(url).set(admin.auth)).body.data.taxRateId).toBeNull();
});
