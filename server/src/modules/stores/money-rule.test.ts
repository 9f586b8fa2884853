import request from 'supertest';
import { ROLES, type Role } from '../../core/access';
import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  memberOf,
  nextEan13,
  storeWithMember,
  wholeProductBody,
  type StoreMember,
} from '../../test/factories';
import { patchStatus, postOrder, postReceipt } from '../../test/purchasing';
import { postAdjustment, uploadProducts } from '../../test/requests';
import { generate } from '../../test/shopping-lists';

// Issue 16, defect 11: one money rule. Costs, purchase prices and totals, supplier spend and
// reorder-list costs are seen by the roles with reports:view (admin, manager, viewer) and are
// null for an employee, in every response that carries them; an employee cannot set them.
const t = useTestApp();
const SEES_MONEY: Record<Role, boolean> = {
  admin: true,
  manager: true,
  viewer: true,
  employee: false,
};

// Answers are read loosely here: each read says where its money is.
type Body = any;
/** Each read: where it is, and the money in its answer (`data`). */
const READS: Array<[string, (f: Fixture) => string, (data: Body) => unknown[]]> = [
  ['a product', (f) => `/products/${f.tea.id}`, (d) => [d.cost]],
  ['the product list', () => '/products?limit=100', (d) => d.map((p: Body) => p.cost)],
  ['a barcode lookup', (f) => `/products/lookup?barcode=${f.tea.barcode}`, (d) => [d.cost]],
  [
    'a cost change in the history',
    (f) => `/products/${f.tea.id}/history`,
    (d) => d.filter((h: Body) => h.field === 'cost').flatMap((h: Body) => [h.oldValue, h.newValue]),
  ],
  [
    "a supplier's products",
    (f) => `/suppliers/${f.supplier.id}/products`,
    (d) => d.flatMap((p: Body) => [p.cost, p.lastCost]),
  ],
  [
    "a supplier's performance",
    (f) => `/suppliers/${f.supplier.id}/performance`,
    (d) => [
      d.metrics.totalValue,
      d.metrics.averageOrderValue,
      ...d.trends.filter((m: Body) => m.orders > 0).map((m: Body) => m.value),
    ],
  ],
  [
    "a product's ledger",
    (f) => `/products/${f.tea.id}/movements`,
    (d) => d.filter((m: Body) => m.reason === 'purchase_receipt').map((m: Body) => m.unitCost),
  ],
  ['the purchase orders', () => '/purchase-orders', (d) => d.flatMap(orderMoney)],
  ['a purchase order', (f) => `/purchase-orders/${f.orderId}`, (d) => orderMoney(d)],
  ['the reorder lists', () => '/shopping-lists', (d) => d.map((l: Body) => l.estimatedTotal)],
  ['a reorder list', (f) => `/shopping-lists/${f.listId}`, (d) => listMoney(d)],
  [
    'the dashboard',
    () => '/analytics/dashboard',
    (d) => [d.totals.inventoryValueCost, d.totals.inventoryValueRetail],
  ],
];

function orderMoney(o: Body): unknown[] {
  return [o.total, o.receivedValue, ...o.lines.flatMap((l: Body) => [l.unitCost, l.lineTotal])];
}

function listMoney(l: Body): unknown[] {
  return [
    l.estimatedTotal,
    ...l.items.flatMap((i: Body) => [i.estimatedUnitCost, i.estimatedCost]),
    ...l.suppliers.map((s: Body) => s.estimatedTotal),
  ];
}

interface Fixture {
  manager: StoreMember;
  members: Record<Role, StoreMember>;
  supplier: { id: string };
  tea: Record<string, unknown> & { id: string; barcode: string };
  orderId: string;
  listId: string;
}

/**
 * A store with money everywhere: a tea at cost 1.50 (then 1.60: a history row), ordered from a
 * supplier at 1.50 and partly received, low enough to be on a generated reorder list even with
 * what is still on order counted (10 in stock + 10 on order, reorder point 50).
 */
async function shop(): Promise<Fixture> {
  const manager = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(manager, { name: 'Acme Wholesale' });
  const tea = await createProduct(manager, {
    name: 'Green tea',
    barcode: nextEan13(),
    price: 4,
    cost: 1.5,
    reorderPoint: 50,
    supplierId: supplier.id,
    initialQuantity: 10,
  });
  await manager.api
    .patch(`${manager.url}/products/${tea.id}`)
    .set(manager.auth)
    .send({ cost: 1.6 })
    .expect(200);
  const order = (
    await postOrder(manager, {
      supplierId: supplier.id,
      lines: [{ productId: tea.id, quantity: 12, unitCost: 1.5 }],
    }).expect(201)
  ).body.data;
  await patchStatus(manager, order.id, { status: 'processing' }).expect(200);
  await postReceipt(manager, order.id, { lines: [{ productId: tea.id, quantity: 2 }] }).expect(201);
  const list = (await generate(manager, { criteria: {} }).expect(201)).body.data;
  const members = { manager } as Record<Role, StoreMember>;
  for (const role of ROLES) members[role] ??= await memberOf(t, manager.storeId, role);
  return { manager, members, supplier, tea, orderId: order.id, listId: list.id };
}

let f: Fixture;
beforeAll(async () => {
  f = await shop();
});

describe.each(ROLES)('as %s', (role) => {
  test.each(READS)(`${role}: %s shows money only with reports:view`, async (_, path, money) => {
    const m = f.members[role];
    const res = await m.api
      .get(`${m.url}${path(f)}`)
      .set(m.auth)
      .expect(200);
    const values = money(res.body.data);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      // A history row holds its values as text ("1.60").
      if (SEES_MONEY[role]) expect(Number.isFinite(Number(v ?? NaN))).toBe(true);
      else expect(v).toBeNull();
    }
  });

  test(`${role}: the product export has a cost column only with reports:view`, async () => {
    const m = f.members[role];
    const res = await request(t.app).get(`${m.url}/products/export`).set(m.auth).expect(200);
    const header = res.text.split('\n')[0]!.split(',');
    expect(header.includes('cost')).toBe(SEES_MONEY[role]);
    expect(header).toContain('price');
  });
});

describe('an employee at work', () => {
  const employee = () => f.members.employee;
  const costInDb = async (id: string) =>
    (await t.db.pool.query('SELECT cost FROM products WHERE id = $1', [id])).rows[0].cost;

  test('when receiving a delivery or adjusting stock, then the answers carry no money', async () => {
    const e = employee();
    const received = await postReceipt(e, f.orderId, {
      lines: [{ productId: f.tea.id, quantity: 1 }],
    }).expect(201);
    expect(orderMoney(received.body.data.order)).toEqual([null, null, null, null]);
    const adjusted = await postAdjustment(e, f.tea.id, { delta: -1, reason: 'damaged' }).expect(
      201,
    );
    expect(adjusted.body.data.product.cost).toBeNull();
    expect(adjusted.body.data.movement.unitCost).toBeNull();
    const item = (
      await f.manager.api.get(`${f.manager.url}/shopping-lists/${f.listId}`).set(f.manager.auth)
    ).body.data.items[0];
    const put = await e.api
      .put(`${e.url}/shopping-lists/${f.listId}/items/${item.id}`)
      .set(e.auth)
      .send({ purchased: true })
      .expect(200);
    expect(listMoney(put.body.data).every((v) => v === null)).toBe(true);
  });

  test('when an employee sets a product cost (create, PATCH, PUT), then 403 naming reports:view and nothing changes', async () => {
    const e = employee();
    const before = await costInDb(f.tea.id);
    const refusals = [
      e.api.post(`${e.url}/products`).set(e.auth).send({ name: 'Chai', price: 3, cost: 1 }),
      e.api.patch(`${e.url}/products/${f.tea.id}`).set(e.auth).send({ cost: 0.1 }),
      e.api.patch(`${e.url}/products/${f.tea.id}`).set(e.auth).send({ cost: null }),
      e.api
        .put(`${e.url}/products/${f.tea.id}`)
        .set(e.auth)
        .send({ ...wholeProductBody(f.tea, false), cost: 0 }),
    ];
    for (const res of await Promise.all(refusals)) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/employee you cannot see or set costs.*reports:view/);
    }
    expect(await costInDb(f.tea.id)).toBe(before);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM products WHERE store_id = $1 AND name = $2',
      [f.manager.storeId, 'Chai'],
    );
    expect(rows[0].n).toBe(0);
  });

  test('when the employee doing the shopping records what an item cost, then it is kept but not shown back', async () => {
    const e = employee();
    const list = (
      await f.manager.api.get(`${f.manager.url}/shopping-lists/${f.listId}`).set(f.manager.auth)
    ).body.data;
    const res = await e.api
      .put(`${e.url}/shopping-lists/${f.listId}/items/${list.items[0].id}`)
      .set(e.auth)
      .send({ actualCost: 17.4 })
      .expect(200);
    expect(res.body.data.items[0].actualCost).toBeNull();
    expect(res.body.data.actualTotal).toBeNull();
    const { rows } = await t.db.pool.query(
      'SELECT actual_cost FROM shopping_list_items WHERE id = $1',
      [list.items[0].id],
    );
    expect(rows[0].actual_cost).toBe('17.40');
    const seen = await f.manager.api
      .get(`${f.manager.url}/shopping-lists/${f.listId}`)
      .set(f.manager.auth)
      .expect(200);
    expect(seen.body.data.actualTotal).toBe(17.4);
  });

  test('when an employee creates a product without a cost or PUTs one without cost, then it works and the cost is kept', async () => {
    const e = employee();
    const created = await e.api
      .post(`${e.url}/products`)
      .set(e.auth)
      .send({ name: 'Oolong', price: 5 })
      .expect(201);
    expect(created.body.data.cost).toBeNull();
    const before = await costInDb(f.tea.id);
    const put = await e.api
      .put(`${e.url}/products/${f.tea.id}`)
      .set(e.auth)
      .send({
        ...wholeProductBody(f.tea, false),
        name: 'Green tea',
        price: 4.2,
        reorderPoint: 20,
        supplierId: f.supplier.id,
      })
      .expect(200);
    expect(put.body.data).toEqual(expect.objectContaining({ price: 4.2, cost: null }));
    expect(await costInDb(f.tea.id)).toBe(before);
    expect(before).not.toBeNull();
  });

  test('when an employee sorts products by cost, then 403; by price it works', async () => {
    const e = employee();
    const res = await e.api.get(`${e.url}/products?sort=cost`).set(e.auth).expect(403);
    expect(res.body.error.message).toMatch(/cannot sort by cost.*reports:view/);
    await e.api.get(`${e.url}/products?sort=price`).set(e.auth).expect(200);
  });

  test('when an employee imports rows with a cost, then those rows are refused on cost and the others are imported', async () => {
    const e = employee();
    const csv = 'name,price,cost\nRooibos,3,1.2\nMatcha,9,\n';
    const res = await uploadProducts(e, Buffer.from(csv), 'p.csv').expect(200);
    expect(res.body.data.summary).toEqual(expect.objectContaining({ created: 1, failed: 1 }));
    expect(res.body.data.errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'cost',
        message: expect.stringMatching(/reports:view/),
      }),
    ]);
    const { rows } = await t.db.pool.query(
      'SELECT name, cost FROM products WHERE store_id = $1 AND name IN ($2, $3)',
      [f.manager.storeId, 'Rooibos', 'Matcha'],
    );
    expect(rows).toEqual([{ name: 'Matcha', cost: null }]);
  });
});
