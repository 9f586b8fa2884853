import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import { postSale } from '../../test/requests';

const t = useTestApp();

const dashboard = async (m: StoreMember) =>
  (await t.api.get(`${m.url}/analytics/dashboard`).set(m.auth).expect(200)).body.data;

/** Tea: 20 on hand at cost 1, price 2; 4 sold today, so 16 left. */
async function shop() {
  const manager = await storeWithMember(t, 'manager');
  const tea = await createProduct(manager, { name: 'Tea', cost: 1, price: 2, initialQuantity: 20 });
  await postSale(manager, { items: [{ productId: tea.id, quantity: 4 }] }).expect(201);
  const employee = await memberOf(t, manager.storeId, 'employee');
  const viewer = await memberOf(t, manager.storeId, 'viewer');
  return { manager, employee, viewer };
}

function expectNoMoney(d: Awaited<ReturnType<typeof dashboard>>) {
  expect(d.totals).toEqual(
    expect.objectContaining({ units: 16, inventoryValueCost: null, inventoryValueRetail: null }),
  );
  expect(d.categoryBreakdown).toEqual([
    expect.objectContaining({ units: 16, valueCost: null, valueRetail: null }),
  ]);
  expect(d.topMovers).toEqual([
    expect.objectContaining({ name: 'Tea', unitsSold: 4, revenue: null }),
  ]);
  expect(d.salesTrend.at(-1)).toEqual(
    expect.objectContaining({ orders: 1, units: 4, revenue: null }),
  );
  expect(d.salesTrend.every((day: { revenue: null }) => day.revenue === null)).toBe(true);
}

function expectMoney(d: Awaited<ReturnType<typeof dashboard>>) {
  expect(d.totals).toEqual(
    expect.objectContaining({ units: 16, inventoryValueCost: 16, inventoryValueRetail: 32 }),
  );
  expect(d.categoryBreakdown).toEqual([
    expect.objectContaining({ valueCost: 16, valueRetail: 32 }),
  ]);
  expect(d.topMovers).toEqual([expect.objectContaining({ unitsSold: 4, revenue: 8 })]);
  expect(d.salesTrend.at(-1)).toEqual(expect.objectContaining({ units: 4, revenue: 8 }));
}

test('when an employee (no reports:view) asks first, then their dashboard has no money and the cached copy still serves a viewer and a manager with it', async () => {
  const { manager, employee, viewer } = await shop();
  expectNoMoney(await dashboard(employee));
  expectMoney(await dashboard(viewer));
  expectMoney(await dashboard(manager));
});

test('when a manager warms the cache first, then an employee still gets no money from it', async () => {
  const { manager, employee } = await shop();
  expectMoney(await dashboard(manager));
  expectNoMoney(await dashboard(employee));
  // And again, from the cache.
  expectNoMoney(await dashboard(employee));
});
