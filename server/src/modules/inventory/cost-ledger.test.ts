import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { patchStatus, postOrder, postReceipt } from '../../test/purchasing';
import { reportOf } from '../../test/reports';

/**
 * Issue 16, defect 9: every movement records the unit cost in force when it was written, the
 * product's cost follows the moving average of what is received, and reports price past
 * movements at their own cost, not today's.
 */
const t = useTestApp();

const costOf = async (s: StoreMember, id: string) =>
  (await s.api.get(`${s.url}/products/${id}`).set(s.auth).expect(200)).body.data.cost as
    number | null;

const movementsOf = async (s: StoreMember, id: string) =>
  (await s.api.get(`${s.url}/products/${id}/movements?limit=100`).set(s.auth).expect(200)).body.data
    .map((m: { reason: string; delta: number; unitCost: number | null }) => [
      m.reason,
      m.delta,
      m.unitCost,
    ])
    .reverse();

async function receive(
  s: StoreMember,
  supplierId: string,
  productId: string,
  quantity: number,
  unitCost: number,
) {
  const order = await postOrder(s, {
    supplierId,
    lines: [{ productId, quantity, unitCost }],
  }).expect(201);
  await patchStatus(s, order.body.data.id, { status: 'processing' }).expect(200);
  await postReceipt(s, order.body.data.id, { lines: [{ productId, quantity }] }).expect(201);
}

const adjust = (s: StoreMember, id: string, body: object) =>
  s.api.post(`${s.url}/products/${id}/adjustments`).set(s.auth).send(body).expect(201);

test('when goods are received at a cost, then the product cost is the moving average, guarded at zero stock, and every movement records the cost in force', async () => {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s);
  const tea = await createProduct(s, { name: 'Tea', price: 6, cost: 3, initialQuantity: 10 });

  // (10 × 3.00 + 10 × 4.00) / 20 = 3.50
  await receive(s, supplier.id, tea.id, 10, 4);
  expect(await costOf(s, tea.id)).toBe(3.5);
  await s.api
    .post(`${s.url}/sales`)
    .set(s.auth)
    .send({ items: [{ productId: tea.id, quantity: 5 }] })
    .expect(201);
  await adjust(s, tea.id, { delta: -2, reason: 'damaged' });
  // (13 × 3.50 + 7 × 2.00) / 20 = 2.975 → 2.98, to the cent.
  await receive(s, supplier.id, tea.id, 7, 2);
  expect(await costOf(s, tea.id)).toBe(2.98);
  // Nothing on hand to average with: the received cost is the cost.
  await s.api
    .post(`${s.url}/products/${tea.id}/counts`)
    .set(s.auth)
    .send({ countedQuantity: 0 })
    .expect(201);
  await receive(s, supplier.id, tea.id, 4, 5);
  expect(await costOf(s, tea.id)).toBe(5);

  expect(await movementsOf(s, tea.id)).toEqual([
    ['initial', 10, 3],
    ['purchase_receipt', 10, 4],
    ['sale', -5, 3.5],
    ['damaged', -2, 3.5],
    ['purchase_receipt', 7, 2],
    ['count', -20, 2.98],
    ['purchase_receipt', 4, 5],
  ]);
  const { rows } = await t.db.pool.query('SELECT unit_cost FROM sale_items WHERE product_id = $1', [
    tea.id,
  ]);
  expect(rows).toEqual([{ unit_cost: '3.50' }]);

  // A product without a cost takes the first received cost.
  const cups = await createProduct(s, { name: 'Cups', price: 1 });
  expect(cups.cost).toBeNull();
  await receive(s, supplier.id, cups.id, 100, 0.12);
  expect(await costOf(s, cups.id)).toBe(0.12);
});

test('when the cost changes after waste and sales were recorded, then the waste and consumption reports value them at the cost of the time, and the valuation at the cost now', async () => {
  const s = await storeWithMember(t, 'manager');
  const milk = await createProduct(s, { name: 'Milk', price: 3, cost: 2, initialQuantity: 20 });
  await s.api
    .post(`${s.url}/sales`)
    .set(s.auth)
    .send({ items: [{ productId: milk.id, quantity: 4 }] })
    .expect(201);
  await adjust(s, milk.id, { delta: -3, reason: 'spoiled' });
  await s.api.patch(`${s.url}/products/${milk.id}`).set(s.auth).send({ cost: 5 }).expect(200);

  // Before the fix: 3 × 5.00 = 15.00 and 4 × 5.00 = 20.00, at today's cost.
  const waste = await reportOf(s, 'waste');
  expect(waste.totals).toEqual(expect.objectContaining({ units: 3, costValue: 6 }));
  const consumption = await reportOf(s, 'consumption');
  expect(consumption.totals).toEqual(expect.objectContaining({ units: 4, cost: 8, revenue: 12 }));
  // Stock on hand is valued at the cost in force now (the moving average, here set by hand).
  const valuation = await reportOf(s, 'valuation');
  expect(valuation.totals).toEqual(expect.objectContaining({ units: 13, costValue: 65 }));
});
