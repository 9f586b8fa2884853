import { useTestApp } from '../../../test/app';
import {
  countRows,
  createCategory,
  createProduct,
  memberOf,
  quantityOf,
  storeWithMember,
} from '../../../test/factories';
import { postSale } from '../../../test/requests';
import { settle, taxRate } from './checkout-test-helpers';

/** Tax at the till: rates by product, category and default; inclusive and exclusive prices. */
const t = useTestApp();

test('when prices exclude tax, then each line adds its rate rounded half up and the sale carries a breakdown per rate', async () => {
  const s = await storeWithMember(t, 'admin');
  const food = await createCategory(s, { name: 'Food' });
  const standard = await taxRate(s, { name: 'Standard', rateBps: 2000 });
  const reduced = await taxRate(s, { name: 'Reduced', rateBps: 500, categoryIds: [food.id] });
  const book = await createProduct(s, { name: 'Book', price: 9.99, initialQuantity: 10 });
  const bread = await createProduct(s, {
    name: 'Bread',
    price: 2.49,
    categoryId: food.id,
    initialQuantity: 10,
  });
  const stamp = await createProduct(s, {
    name: 'Stamp',
    price: 0.85,
    categoryId: food.id,
    initialQuantity: 10,
  });
  // A product's own rate wins over its category's.
  await taxRate(s, { name: 'Zero', rateBps: 0, productIds: [stamp.id] });
  await settle(s, { defaultTaxRateId: standard.id });

  const sale = (
    await postSale(s, {
      items: [
        { productId: book.id, quantity: 3 }, // 29.97 + 5.994 → 5.99
        { productId: bread.id, quantity: 3 }, // 7.47 + 0.3735 → 0.37
        { productId: stamp.id, quantity: 2 }, // 1.70 + 0
      ],
    }).expect(201)
  ).body.data;
  expect(
    sale.items.map((i: { tax: number; lineTotal: number; taxName: string }) => [
      i.taxName,
      i.tax,
      i.lineTotal,
    ]),
  ).toEqual([
    ['Standard', 5.99, 35.96],
    ['Reduced', 0.37, 7.84],
    ['Zero', 0, 1.7],
  ]);
  expect(sale).toMatchObject({
    pricesIncludeTax: false,
    subtotal: 39.14,
    taxTotal: 6.36,
    total: 45.5,
  });
  expect(sale.taxes).toEqual([
    { taxRateId: expect.any(String), name: 'Zero', rateBps: 0, taxable: 1.7, tax: 0 },
    { taxRateId: reduced.id, name: 'Reduced', rateBps: 500, taxable: 7.47, tax: 0.37 },
    { taxRateId: standard.id, name: 'Standard', rateBps: 2000, taxable: 29.97, tax: 5.99 },
  ]);
  // What was charged stays with the sale when the rate changes.
  await s.api
    .patch(`${s.url}/tax-rates/${standard.id}`)
    .set(s.auth)
    .send({ rateBps: 1900 })
    .expect(200);
  const again = (await s.api.get(`${s.url}/sales/${sale.id}`).set(s.auth).expect(200)).body.data;
  expect(again.taxes).toEqual(sale.taxes);
  expect(again.total).toBe(45.5);
});

test('when prices include tax, then the tax is worked out of each line, half up, and the total is the shelf price', async () => {
  const s = await storeWithMember(t, 'admin');
  const vat = await taxRate(s, { name: 'VAT', rateBps: 2000 });
  await settle(s, { pricesIncludeTax: true, defaultTaxRateId: vat.id });
  const wine = await createProduct(s, { name: 'Wine', price: 9.99, initialQuantity: 10 });
  const sale = (await postSale(s, { items: [{ productId: wine.id, quantity: 3 }] }).expect(201))
    .body.data;
  // 29.97 × 2000 / 12000 = 4.995: half up is 5.00.
  expect(sale).toMatchObject({
    pricesIncludeTax: true,
    subtotal: 29.97,
    taxTotal: 5,
    total: 29.97,
  });
  expect(sale.taxes).toEqual([
    { taxRateId: vat.id, name: 'VAT', rateBps: 2000, taxable: 24.97, tax: 5 },
  ]);
});

test('tax is rounded per line, not once on the total: three lines of 0.10 at 7.5% carry 0.03, where the total once would be 0.02', async () => {
  const s = await storeWithMember(t, 'admin');
  const rate = await taxRate(s, { name: 'Sales tax', rateBps: 750 });
  await settle(s, { defaultTaxRateId: rate.id });
  const items = [];
  for (const name of ['Gum', 'Mint', 'Toffee']) {
    const p = await createProduct(s, { name, price: 0.1, initialQuantity: 5 });
    items.push({ productId: p.id, quantity: 1 });
  }
  const quote = (await s.api.post(`${s.url}/sales/quote`).set(s.auth).send({ items }).expect(200))
    .body.data;
  expect(quote.items.map((i: { tax: number }) => i.tax)).toEqual([0.01, 0.01, 0.01]);
  expect(quote).toMatchObject({ subtotal: 0.3, taxTotal: 0.03, total: 0.33 });
  // Per total it would be round(0.30 × 0.075) = round(0.0225) = 0.02: the documented difference.
  expect(Math.round(30 * 0.075) / 100).toBe(0.02);
  const sale = (await postSale(s, { items }).expect(201)).body.data;
  expect(sale).toMatchObject({ taxTotal: 0.03, total: 0.33 });
});

test('a sale discount is shared over the lines before tax, by largest remainder, so the shares and taxes add up exactly', async () => {
  const s = await storeWithMember(t, 'manager');
  const admin = await memberOf(t, s.storeId, 'admin');
  const rate = await taxRate(admin, { name: 'Standard', rateBps: 2000 });
  await settle(admin, { defaultTaxRateId: rate.id });
  const a = await createProduct(s, { name: 'Lamp', price: 10, initialQuantity: 5 });
  const b = await createProduct(s, { name: 'Bulb', price: 5, initialQuantity: 5 });
  const sale = (
    await postSale(s, {
      items: [
        { productId: a.id, quantity: 1 },
        { productId: b.id, quantity: 1 },
      ],
      discount: { amount: 1 },
      discountReason: 'Loyal customer',
    }).expect(201)
  ).body.data;
  // 1.00 over 10 : 5 is 0.6667 : 0.3333, the cent left goes to the larger remainder (the lamp).
  expect(
    sale.items.map((i: { discount: number; tax: number; lineTotal: number }) => [
      i.discount,
      i.tax,
      i.lineTotal,
    ]),
  ).toEqual([
    [0.67, 1.87, 11.2], // 9.33 × 20% = 1.866
    [0.33, 0.93, 5.6], // 4.67 × 20% = 0.934
  ]);
  expect(sale).toMatchObject({
    subtotal: 15,
    discountTotal: 1,
    discountReason: 'Loyal customer',
    taxTotal: 2.8,
    total: 16.8,
  });
});

test('a sale made before tax settings existed reads with no tax, no discount, no payments and its total as subtotal', async () => {
  const s = await storeWithMember(t, 'admin');
  const p = await createProduct(s, { price: 4, initialQuantity: 5 });
  // The columns a sale had before migrations 042 and 043.
  const { rows } = await t.db.pool.query(
    `WITH sale AS (
       INSERT INTO sales (store_id, user_id, sold_at, total, item_count, number)
       VALUES ($1, $2, now(), 8, 2, 900) RETURNING id
     ) INSERT INTO sale_items (sale_id, store_id, product_id, quantity, unit_price, line_total, sold_at, line_no)
     SELECT id, $1, $3, 2, 4, 8, now(), 1 FROM sale RETURNING sale_id`,
    [s.storeId, s.user.id, p.id],
  );
  const sale = (await s.api.get(`${s.url}/sales/${rows[0].sale_id}`).set(s.auth).expect(200)).body
    .data;
  expect(sale).toMatchObject({
    total: 8,
    subtotal: 8,
    pricesIncludeTax: null,
    taxTotal: 0,
    taxes: [],
    discountTotal: 0,
    payments: [],
    paidTotal: 0,
    change: 0,
    customer: null,
  });
  expect(sale.items[0]).toMatchObject({
    listPrice: 4,
    discount: 0,
    tax: 0,
    taxName: null,
    lineTotal: 8,
  });
});

test('tax rates: admins only write them; another store’s is 404; bad input is a 400 that changes nothing', async () => {
  const s = await storeWithMember(t, 'admin');
  const manager = await memberOf(t, s.storeId, 'manager');
  const employee = await memberOf(t, s.storeId, 'employee');
  const other = await storeWithMember(t, 'admin');
  const theirs = await taxRate(other, { name: 'Theirs', rateBps: 1000 });
  const theirProduct = await createProduct(other, { initialQuantity: 1 });
  const rate = await taxRate(s, { name: 'Standard', rateBps: 2000 });

  await manager.api
    .post(`${s.url}/tax-rates`)
    .set(manager.auth)
    .send({ name: 'X', rateBps: 1 })
    .expect(403);
  await manager.api
    .patch(`${s.url}/checkout-settings`)
    .set(manager.auth)
    .send({ pricesIncludeTax: true })
    .expect(403);
  // The till reads them.
  const listed = (await employee.api.get(`${s.url}/tax-rates`).set(employee.auth).expect(200)).body
    .data;
  expect(listed.map((r: { id: string }) => r.id)).toEqual([rate.id]);
  await s.api.get(`${s.url}/tax-rates/${theirs.id}`).set(s.auth).expect(404);
  await s.api.patch(`${s.url}/tax-rates/${theirs.id}`).set(s.auth).send({ rateBps: 1 }).expect(404);
  await s.api.delete(`${s.url}/tax-rates/${theirs.id}`).set(s.auth).expect(404);

  for (const body of [
    { name: 'Too much', rateBps: 10001 },
    { name: 'Fraction', rateBps: 12.5 },
    { name: '', rateBps: 100 },
    { name: 'Foreign', rateBps: 100, productIds: [theirProduct.id] },
  ]) {
    const res = await s.api.post(`${s.url}/tax-rates`).set(s.auth).send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
  const bad = await s.api
    .patch(`${s.url}/checkout-settings`)
    .set(s.auth)
    .send({ defaultTaxRateId: theirs.id, pricesIncludeTax: true })
    .expect(400);
  expect(bad.body.error.details[0].field).toBe('defaultTaxRateId');
  await s.api
    .post(`${s.url}/tax-rates`)
    .set(s.auth)
    .send({ name: 'STANDARD', rateBps: 5 })
    .expect(409);
  expect(await countRows(t, 'tax_rates', s.storeId)).toBe(1);
  expect((await s.api.get(`${s.url}/checkout-settings`).set(s.auth).expect(200)).body.data).toEqual(
    {
      pricesIncludeTax: false,
      defaultTaxRateId: null,
      address: null,
      employeeDiscountLimitPercent: 0,
    },
  );

  // Deleting the default rate: the default goes, sales fall back to no tax.
  await settle(s, { defaultTaxRateId: rate.id });
  await s.api.delete(`${s.url}/tax-rates/${rate.id}`).set(s.auth).expect(204);
  const p = await createProduct(s, { price: 3, initialQuantity: 2 });
  const sale = (await postSale(s, { items: [{ productId: p.id, quantity: 1 }] }).expect(201)).body
    .data;
  expect(sale).toMatchObject({ taxTotal: 0, total: 3 });
  expect(await quantityOf(t, p.id)).toBe(1);
});
