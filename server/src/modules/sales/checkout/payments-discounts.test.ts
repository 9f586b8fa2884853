import { useTestApp } from '../../../test/app';
import {
  countRows,
  createProduct,
  memberOf,
  quantityOf,
  storeWithMember,
} from '../../../test/factories';
import { postSale } from '../../../test/requests';
import { settle, taxRate } from './checkout-test-helpers';

/** Payments (cash and change, split), discounts, price overrides and customers on a sale. */
const t = useTestApp();

async function shop() {
  const s = await storeWithMember(t, 'admin');
  const rate = await taxRate(s, { name: 'Standard', rateBps: 1000 });
  await settle(s, { defaultTaxRateId: rate.id });
  const coffee = await createProduct(s, { name: 'Coffee', price: 8.5, initialQuantity: 20 });
  return { s, coffee };
}

test('cash tendered above the total gives change; a split of card and cash is kept as paid', async () => {
  const { s, coffee } = await shop();
  // 2 × 8.50 = 17.00 + 10% = 18.70.
  const cash = (
    await postSale(s, {
      items: [{ productId: coffee.id, quantity: 2 }],
      payments: [{ method: 'cash', amount: 20 }],
      customer: { name: 'Ada', email: 'ADA@example.com' },
    }).expect(201)
  ).body.data;
  expect(cash).toMatchObject({
    total: 18.7,
    payments: [{ method: 'cash', amount: 20, reference: null }],
    paidTotal: 20,
    change: 1.3,
    customer: { name: 'Ada', email: 'ada@example.com' },
  });
  const split = (
    await postSale(s, {
      items: [{ productId: coffee.id, quantity: 2 }],
      payments: [
        { method: 'card', amount: 10, reference: 'auth 1234' },
        { method: 'cash', amount: 10 },
      ],
    }).expect(201)
  ).body.data;
  expect(split).toMatchObject({ total: 18.7, paidTotal: 20, change: 1.3, customer: null });
  expect(split.payments).toEqual([
    { method: 'card', amount: 10, reference: 'auth 1234' },
    { method: 'cash', amount: 10, reference: null },
  ]);
  const read = (await s.api.get(`${s.url}/sales/${split.id}`).set(s.auth).expect(200)).body.data;
  expect(read.payments).toEqual(split.payments);
  expect(await quantityOf(t, coffee.id)).toBe(16);
});

test('payments that do not cover the total, or a card paying more than is left, are 400s that record and move nothing', async () => {
  const { s, coffee } = await shop();
  const cases: Array<[object, string]> = [
    [[{ method: 'cash', amount: 18.69 }], 'not_covered'],
    [[{ method: 'card', amount: 20 }], 'overpaid'],
    [
      [
        { method: 'card', amount: 15 },
        { method: 'cash', amount: 1 },
        { method: 'other', amount: 5 },
      ],
      'overpaid',
    ],
  ];
  for (const [payments, code] of cases) {
    const res = await postSale(s, {
      items: [{ productId: coffee.id, quantity: 2 }],
      payments,
    }).expect(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'payments', code })]);
  }
  for (const payments of [
    [],
    [{ method: 'cheque', amount: 20 }],
    [{ method: 'cash', amount: -1 }],
    [{ method: 'cash', amount: 0 }],
  ]) {
    await postSale(s, { items: [{ productId: coffee.id, quantity: 1 }], payments }).expect(400);
  }
  await postSale(s, {
    items: [{ productId: coffee.id, quantity: 1 }],
    customer: { email: 'not an e-mail' },
  }).expect(400);
  await postSale(s, { items: [{ productId: coffee.id, quantity: 1 }], customer: {} }).expect(400);
  expect(await countRows(t, 'sales', s.storeId)).toBe(0);
  expect(await quantityOf(t, coffee.id)).toBe(20);
});

test('line discounts and a price override with its reason are recorded; a discount larger than its line is a 400', async () => {
  const { s, coffee } = await shop();
  const sale = (
    await postSale(s, {
      items: [
        { productId: coffee.id, quantity: 2, discount: { percent: 10 } },
        { productId: coffee.id, quantity: 1, unitPrice: 6, priceOverrideReason: 'Dented tin' },
      ],
    }).expect(201)
  ).body.data;
  expect(
    sale.items.map((i: Record<string, unknown>) => [
      i.listPrice,
      i.unitPrice,
      i.discount,
      i.priceOverrideReason,
      i.lineTotal,
    ]),
  ).toEqual([
    [8.5, 8.5, 1.7, null, 16.83], // 17.00 − 1.70 = 15.30 + 1.53
    [8.5, 6, 0, 'Dented tin', 6.6],
  ]);
  expect(sale).toMatchObject({ subtotal: 23, discountTotal: 1.7, total: 23.43 });
  for (const body of [
    { items: [{ productId: coffee.id, quantity: 1, discount: { amount: 8.51 } }] },
    { items: [{ productId: coffee.id, quantity: 1 }], discount: { amount: 9 } },
    { items: [{ productId: coffee.id, quantity: 1, discount: { percent: 101 } }] },
    { items: [{ productId: coffee.id, quantity: 1, discount: { percent: 5, amount: 1 } }] },
  ]) {
    await postSale(s, body).expect(400);
  }
  expect(await quantityOf(t, coffee.id)).toBe(17);
});

test('employees discount only up to the store limit (0 by default: not at all) without a manager’s approval (403 APPROVAL_REQUIRED); managers are not limited', async () => {
  const { s, coffee } = await shop();
  const employee = await memberOf(t, s.storeId, 'employee');
  const manager = await memberOf(t, s.storeId, 'manager');
  const line = (extra: object) => ({ items: [{ productId: coffee.id, quantity: 2, ...extra }] });

  const none = await postSale(employee, line({ discount: { percent: 5 } })).expect(403);
  expect(none.body.error.code).toBe('APPROVAL_REQUIRED');
  expect(none.body.error.details[0]).toMatchObject({ field: 'items', code: 'discount_limit' });
  await postSale(employee, line({ unitPrice: 8, priceOverrideReason: 'Price match' })).expect(403);
  // A lower price without a reason is a discount too, not a way round the limit.
  const bare = await postSale(employee, line({ unitPrice: 8 })).expect(403);
  expect(bare.body.error.details[0]).toMatchObject({ field: 'items', code: 'discount_limit' });
  await s.api
    .post(`${s.url}/sales/quote`)
    .set(employee.auth)
    .send(line({ discount: { percent: 5 } }))
    .expect(403);

  await settle(s, { employeeDiscountLimitPercent: 10 });
  await postSale(employee, line({ discount: { percent: 10 } })).expect(201);
  const over = await postSale(employee, {
    ...line({ discount: { percent: 6 } }),
    discount: { percent: 5 },
  }).expect(403);
  expect(over.body.error.details[0]).toMatchObject({ field: 'discount', code: 'discount_limit' });
  await postSale(manager, line({ discount: { percent: 50 } })).expect(201);
  // A viewer records no sale and changes no settings.
  const viewer = await memberOf(t, s.storeId, 'viewer');
  await postSale(viewer, line({})).expect(403);
  await viewer.api
    .patch(`${s.url}/checkout-settings`)
    .set(viewer.auth)
    .send({ employeeDiscountLimitPercent: 100 })
    .expect(403);
  await s.api
    .patch(`${s.url}/checkout-settings`)
    .set(s.auth)
    .send({ employeeDiscountLimitPercent: 100.5 })
    .expect(400);
  expect(await countRows(t, 'sales', s.storeId)).toBe(2);
  expect(await quantityOf(t, coffee.id)).toBe(16);
});

test('a quote prices a sale like recording it, and records nothing; another store’s product is a 400 on its line', async () => {
  const { s, coffee } = await shop();
  const other = await storeWithMember(t, 'admin');
  const body = {
    items: [{ productId: coffee.id, quantity: 3 }],
    payments: [{ method: 'cash', amount: 30 }],
  };
  const quote = (await s.api.post(`${s.url}/sales/quote`).set(s.auth).send(body).expect(200)).body
    .data;
  expect(quote).toMatchObject({
    subtotal: 25.5,
    taxTotal: 2.55,
    total: 28.05,
    paid: 30,
    change: 1.95,
  });
  expect(await countRows(t, 'sales', s.storeId)).toBe(0);
  const sale = (await postSale(s, body).expect(201)).body.data;
  expect([sale.total, sale.change]).toEqual([quote.total, quote.change]);
  const foreign = await other.api
    .post(`${other.url}/sales/quote`)
    .set(other.auth)
    .send(body)
    .expect(400);
  expect(foreign.body.error.details[0].field).toBe('items.0.productId');
});
