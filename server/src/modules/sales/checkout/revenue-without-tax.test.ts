import { useTestApp } from '../../../test/app';
import { createProduct, storeWithMember } from '../../../test/factories';
import { reportOf } from '../../../test/reports';
import { postRefund, postSale } from '../../../test/requests';
import { settle, taxRate } from './checkout-test-helpers';

/**
 * Where checkout meets the figures: tax is collected for the state, not earned, so revenue
 * on the dashboard (today, the trend, the top movers) and in the consumption report is what
 * was sold net of tax, and a refund takes back its own tax too.
 */
const t = useTestApp();

test('when a taxed sale and a refund of part of it are recorded, then the dashboard and the consumption report count revenue without the tax', async () => {
  const s = await storeWithMember(t, 'admin');
  const standard = await taxRate(s, { name: 'Sales tax', rateBps: 1000 });
  await settle(s, { defaultTaxRateId: standard.id, pricesIncludeTax: false });
  const lamp = await createProduct(s, {
    name: 'Desk lamp',
    price: 20,
    cost: 8,
    initialQuantity: 5,
  });
  const sale = (await postSale(s, { items: [{ productId: lamp.id, quantity: 3 }] }).expect(201))
    .body.data;
  // 3 × 20.00 = 60.00, plus 6.00 of tax: the customer paid 66.00.
  expect([sale.total, sale.items[0].tax]).toEqual([66, 6]);

  const dashboard = async () =>
    (await s.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200)).body.data;
  let d = await dashboard();
  expect(d.salesTrend.at(-1)).toEqual(
    expect.objectContaining({ orders: 1, units: 3, revenue: 60 }),
  );
  expect(d.topMovers[0]).toEqual(expect.objectContaining({ unitsSold: 3, revenue: 60 }));
  let r = await reportOf(s, 'consumption');
  expect(r.totals).toEqual(expect.objectContaining({ units: 3, revenue: 60, cost: 24 }));

  // One lamp back: 22.00 paid back, of which 2.00 was tax.
  await postRefund(s, sale.id, {
    reason: 'Flickers',
    method: 'card',
    lines: [{ saleLineId: sale.items[0].id, quantity: 1, disposition: 'restock' }],
  }).expect(201);
  d = await dashboard();
  expect(d.salesTrend.at(-1)).toEqual(expect.objectContaining({ units: 2, revenue: 40 }));
  expect(d.topMovers[0]).toEqual(expect.objectContaining({ unitsSold: 2, revenue: 40 }));
  r = await reportOf(s, 'consumption');
  expect(r.totals).toEqual(expect.objectContaining({ units: 2, revenue: 40, cost: 16 }));
});
