import { useTestApp } from '../../../test/app';
import {
  countRows,
  createProduct,
  memberOf,
  quantityOf,
  storeWithMember,
} from '../../../test/factories';
import { postRefund, postSale } from '../../../test/requests';
import { settle, taxRate } from './checkout-test-helpers';

/** Refunds of taxed, discounted sales: the money back, its method, restock or write-off per line. */
const t = useTestApp();

test('a refund pays back each line’s share of what it came to, with its tax, by the method given; a written-off line is waste, not stock', async () => {
  const s = await storeWithMember(t, 'manager');
  const admin = await memberOf(t, s.storeId, 'admin');
  const rate = await taxRate(admin, { name: 'Standard', rateBps: 2000 });
  await settle(admin, { defaultTaxRateId: rate.id });
  const oil = await createProduct(s, { name: 'Olive Oil', price: 3.33, initialQuantity: 10 });
  const salt = await createProduct(s, { name: 'Sea Salt', price: 2, initialQuantity: 10 });
  const sale = (
    await postSale(s, {
      items: [
        { productId: oil.id, quantity: 3, discount: { percent: 10 } },
        { productId: salt.id, quantity: 2 },
      ],
      payments: [{ method: 'card', amount: 15.59 }],
    }).expect(201)
  ).body.data;
  // Oil: 9.99 − 1.00 = 8.99 + 1.80 = 10.79; salt: 4.00 + 0.80 = 4.80.
  expect(sale.items.map((i: { lineTotal: number; tax: number }) => [i.lineTotal, i.tax])).toEqual([
    [10.79, 1.8],
    [4.8, 0.8],
  ]);
  const [oilLine, saltLine] = sale.items;

  // One leaking bottle written off, one salt back on the shelf.
  const first = (
    await postRefund(s, sale.id, {
      lines: [
        { saleLineId: oilLine.id, quantity: 1, disposition: 'write_off' },
        { saleLineId: saltLine.id, quantity: 1 },
      ],
      reason: 'Bottle leaking; salt not wanted',
      method: 'card',
    }).expect(201)
  ).body.data;
  // 10.79 × 1/3 = 3.5967 → 3.60 (tax 0.60); 4.80 / 2 = 2.40 (tax 0.40).
  expect(first).toMatchObject({ method: 'card', restocked: false, total: 6 });
  expect(
    first.lines.map((l: Record<string, unknown>) => [l.lineTotal, l.tax, l.disposition]),
  ).toEqual([
    [3.6, 0.6, 'write_off'],
    [2.4, 0.4, 'restock'],
  ]);
  expect(await quantityOf(t, oil.id)).toBe(7);
  expect(await quantityOf(t, salt.id)).toBe(9);
  const { rows } = await t.db.pool.query(
    `SELECT product_id, reason, delta FROM stock_movements
     WHERE store_id = $1 AND reference_id = $2`,
    [s.storeId, first.id],
  );
  expect(rows).toHaveLength(3);
  expect(rows).toEqual(
    expect.arrayContaining([
      { product_id: oil.id, reason: 'return', delta: 1 },
      { product_id: oil.id, reason: 'damaged', delta: -1 },
      { product_id: salt.id, reason: 'return', delta: 1 },
    ]),
  );

  // The rest of the oil in cash: 10.79 − 3.60 = 7.19, so all of it adds up to the line.
  const rest = (
    await postRefund(s, sale.id, {
      lines: [{ saleLineId: oilLine.id, quantity: 2, disposition: 'restock' }],
      reason: 'Changed their mind',
      method: 'cash',
    }).expect(201)
  ).body.data;
  expect(rest).toMatchObject({ method: 'cash', restocked: true, total: 7.19 });
  expect(rest.lines[0].tax).toBe(1.2);
  expect(await quantityOf(t, oil.id)).toBe(9);
  const after = (await s.api.get(`${s.url}/sales/${sale.id}`).set(s.auth).expect(200)).body.data;
  expect(after).toMatchObject({ refundedTotal: 13.19, netTotal: 2.4 });
});

test('refunds: bad dispositions or methods are 400s that change nothing; employees may not refund; another store’s sale is 404', async () => {
  const s = await storeWithMember(t, 'admin');
  const p = await createProduct(s, { price: 5, initialQuantity: 5 });
  const sale = (await postSale(s, { items: [{ productId: p.id, quantity: 2 }] }).expect(201)).body
    .data;
  const line = sale.items[0].id;
  for (const body of [
    { lines: [{ saleLineId: line, quantity: 1, disposition: 'bin' }], reason: 'x' },
    { lines: [{ saleLineId: line, quantity: 1 }], reason: 'x', method: 'cheque' },
    { lines: [{ saleLineId: line, quantity: 1, disposition: 'none' }], reason: 'x' },
  ]) {
    const res = await postRefund(s, sale.id, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
  const employee = await memberOf(t, s.storeId, 'employee');
  await postRefund(employee, sale.id, {
    lines: [{ saleLineId: line, quantity: 1 }],
    reason: 'x',
  }).expect(403);
  const other = await storeWithMember(t, 'admin');
  await postRefund(other, sale.id, {
    lines: [{ saleLineId: line, quantity: 1 }],
    reason: 'x',
  }).expect(404);
  expect(await countRows(t, 'sale_refunds', s.storeId)).toBe(0);
  expect(await quantityOf(t, p.id)).toBe(3);
});
