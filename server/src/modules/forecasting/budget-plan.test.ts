import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { listTables, offer, sell } from '../../test/shopping-lists';

/**
 * Issue 16, defect 5: "Reorder within a budget" funds every urgent need before any economic
 * order quantity, caps perishables at what sells before they expire, and turns into a
 * shopping list or purchase orders in one request.
 */
const t = useTestApp();

const DAY = 86_400_000;
const dayIn = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

interface PlanItem {
  productId: string;
  name: string;
  supplierId: string | null;
  recommendedQuantity: number;
  included: boolean;
  priority: string;
  reason: string;
}

const plan = (s: StoreMember, body: object) =>
  s.api.post(`${s.url}/optimization/reorder`).set(s.auth).send(body);
const fromPlan = (s: StoreMember, body: object, key?: string) => {
  const req = s.api.post(`${s.url}/shopping-lists/from-plan`).set(s.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

/**
 * Broccoli (1.97, 12 a day, keeps 5 days) and three staples (3.00, 2 a day), all sold out;
 * Greens delivers in 2 days.
 */
async function soldOut() {
  const s = await storeWithMember(t, 'manager');
  const greens = await createSupplier(s, { name: 'Greens', leadTimeDays: 2 });
  const broccoli = await createProduct(s, {
    name: 'Broccoli crowns',
    cost: 1.97,
    initialQuantity: 360,
    supplierId: greens.id,
    // Delivered today, keeps until 5 days from now.
    expiresAt: dayIn(5),
  });
  for (const daysAgo of [1, 10, 20]) await sell(s, broccoli.id, 120, daysAgo);
  const staples = [];
  for (const name of ['Bread', 'Eggs', 'Milk']) {
    const p = await createProduct(s, {
      name,
      cost: 3,
      initialQuantity: 60,
      supplierId: greens.id,
    });
    for (const daysAgo of [1, 10, 20]) await sell(s, p.id, 20, daysAgo);
    staples.push(p);
  }
  return { s, greens, broccoli, staples };
}

test('when the budget is 500, then every sold-out item gets its need before any economic order, and the perishable no more than sells before it expires', async () => {
  const { s, broccoli, staples } = await soldOut();
  const data = (await plan(s, { budget: 500 }).expect(200)).body.data;
  const by = (id: string) => data.items.find((i: PlanItem) => i.productId === id) as PlanItem;

  // Before: 253 crowns for 498.41 (its EOQ, 667, cut by the money) and nothing for the staples.
  expect(by(broccoli.id)).toEqual(
    expect.objectContaining({ included: true, priority: 'urgent', recommendedQuantity: 60 }),
  );
  expect(by(broccoli.id).reason).toMatch(
    /^urgent: out of stock \(0 in stock, reorder point [\d.]+\); ordering 60, at most 60: what sells in the 5 days a delivery keeps \(covers 5 days\)$/,
  );
  // Each staple needs 2 a day over 2 + 14 days plus its safety stock: 47 (141.00); the money
  // runs out on the third, which gets what the 99.80 left buys.
  for (const p of staples) {
    expect(by(p.id)).toEqual(expect.objectContaining({ included: true, priority: 'urgent' }));
  }
  expect(staples.map((p) => by(p.id).recommendedQuantity)).toEqual([47, 47, 33]);
  expect(by(staples[2]!.id).reason).toMatch(
    /ordering 33 of 221 \(covers 17 days\): budget ran short$/,
  );
  expect(data.spent).toBe(499.2);
  expect(data.spent).toBeLessThanOrEqual(500);
});

test('when the plan is turned into a shopping list, then one request makes it, a retry with the same key makes nothing more, and the list holds what the plan said', async () => {
  const { s, greens, broccoli } = await soldOut();
  const items = (await plan(s, { budget: 500 }).expect(200)).body.data.items
    .filter((i: PlanItem) => i.included)
    .map((i: PlanItem) => ({
      productId: i.productId,
      quantity: i.recommendedQuantity,
      supplierId: i.supplierId,
      priority: i.priority,
      reason: i.reason,
    }));
  expect(items).toHaveLength(4);

  const res = await fromPlan(s, { items }, 'plan-1').expect(201);
  const { shoppingList, purchaseOrders } = res.body.data;
  expect(purchaseOrders).toEqual([]);
  expect(shoppingList).toEqual(
    expect.objectContaining({ status: 'draft', itemCount: 4, name: `Reorder plan ${dayIn(0)}` }),
  );
  const crowns = shoppingList.items.find(
    (i: { product: { id: string } }) => i.product.id === broccoli.id,
  );
  expect(crowns).toEqual(
    expect.objectContaining({
      quantity: 60,
      priority: 'urgent',
      supplier: { id: greens.id, name: 'Greens' },
      estimatedUnitCost: 1.97,
      estimatedCost: 118.2,
    }),
  );
  expect(shoppingList.estimatedTotal).toBe(499.2);

  const again = await fromPlan(s, { items }, 'plan-1').expect(201);
  expect(again.body).toEqual(res.body);
  const { rows } = await t.db.pool.query(
    `SELECT l.id, count(i.*)::int AS items, sum(i.quantity)::int AS units
     FROM shopping_lists l JOIN shopping_list_items i ON i.shopping_list_id = l.id
     WHERE l.store_id = $1 GROUP BY l.id`,
    [s.storeId],
  );
  expect(rows).toEqual([{ id: shoppingList.id, items: 4, units: 187 }]);
});

test('when the plan is turned into purchase orders, then the list and one order per supplier are made in one request', async () => {
  const { s, greens } = await soldOut();
  const items = (await plan(s, { budget: 500 }).expect(200)).body.data.items
    .filter((i: PlanItem) => i.included)
    .map((i: PlanItem) => ({ productId: i.productId, quantity: i.recommendedQuantity }));
  const res = await fromPlan(s, { name: 'Monday order', items, placeOrders: true }, 'o-1').expect(
    201,
  );
  const { shoppingList, purchaseOrders } = res.body.data;
  expect(shoppingList).toEqual(
    expect.objectContaining({ name: 'Monday order', status: 'ordered' }),
  );
  expect(purchaseOrders).toEqual([
    expect.objectContaining({ supplierId: greens.id, total: 499.2 }),
  ]);
  const { rows } = await t.db.pool.query(
    `SELECT o.status, o.shopping_list_id, o.expected_at::text AS expected,
       count(l.*)::int AS lines, sum(l.quantity)::int AS units
     FROM purchase_orders o JOIN purchase_order_lines l ON l.purchase_order_id = o.id
     WHERE o.store_id = $1 GROUP BY o.id`,
    [s.storeId],
  );
  expect(rows).toEqual([
    {
      status: 'pending',
      shopping_list_id: shoppingList.id,
      expected: dayIn(2),
      lines: 4,
      units: 187,
    },
  ]);
  // What is now on order counts in the next plan: nothing more is needed.
  const next = (await plan(s, { budget: 500 }).expect(200)).body.data;
  expect(next.spent).toBe(0);
});

test("when the plan names what is not this store's, a product twice, or an item without a supplier to order from, then it is 400 naming it and nothing is made", async () => {
  const { s, broccoli } = await soldOut();
  const other = await storeWithMember(t, 'manager');
  const theirs = await createProduct(other);
  const orphan = await createProduct(s, { name: 'Orphan' });
  const before = await listTables(t, s.storeId);
  const cases: Array<[object, string]> = [
    [{ items: [{ productId: theirs.id, quantity: 1 }] }, 'items.0.productId'],
    [
      {
        items: [
          { productId: broccoli.id, quantity: 1 },
          { productId: broccoli.id, quantity: 2 },
        ],
      },
      'items.1.productId',
    ],
    [{ items: [{ productId: broccoli.id, quantity: 0 }] }, 'items.0.quantity'],
    [{ items: [] }, 'items'],
    [{ items: [{ productId: orphan.id, quantity: 3 }], placeOrders: true }, 'items.0.supplierId'],
    [
      { items: [{ productId: broccoli.id, quantity: 1, supplierId: crypto.randomUUID() }] },
      'items.0.supplierId',
    ],
    [{ items: [{ productId: broccoli.id, quantity: 1, cost: 2 }] }, 'items.0'],
  ];
  for (const [body, field] of cases) {
    const res = await fromPlan(s, body).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  }
  expect(await listTables(t, s.storeId)).toEqual(before);
});

test('when an employee or another store asks, then it is 403 and nothing is made', async () => {
  const { s, broccoli } = await soldOut();
  const employee = await memberOf(t, s.storeId, 'employee');
  const outsider = await storeWithMember(t, 'manager');
  const body = { items: [{ productId: broccoli.id, quantity: 5 }] };
  const before = await listTables(t, s.storeId);
  await fromPlan(employee, body).expect(403);
  await outsider.api
    .post(`${s.url}/shopping-lists/from-plan`)
    .set(outsider.auth)
    .send(body)
    .expect(403);
  expect(await listTables(t, s.storeId)).toEqual(before);
});

test("when a product's own supplier is on hold, then its orders go to the cheapest active one that offers it, and with none it is 400 saying so", async () => {
  const s = await storeWithMember(t, 'manager');
  const held = await createSupplier(s, { name: 'Held', status: 'on-hold' });
  const backup = await createSupplier(s, { name: 'Backup', leadTimeDays: 3 });
  const tea = await createProduct(s, { name: 'Tea', cost: 2, supplierId: held.id });
  const jam = await createProduct(s, { name: 'Jam', cost: 3, supplierId: held.id });
  await offer(t, s, backup.id, tea.id, 2.2);
  const before = await listTables(t, s.storeId);
  const refused = await fromPlan(s, {
    items: [
      { productId: tea.id, quantity: 5 },
      { productId: jam.id, quantity: 4 },
    ],
    placeOrders: true,
  }).expect(400);
  expect(refused.body.error.message).toBe(
    'One product has no active supplier to order from: create the list and pick one there',
  );
  expect(refused.body.error.details).toEqual([
    expect.objectContaining({ field: 'items.1.supplierId', code: 'required' }),
  ]);
  expect(await listTables(t, s.storeId)).toEqual(before);

  const res = await fromPlan(s, {
    items: [{ productId: tea.id, quantity: 5 }],
    placeOrders: true,
  }).expect(201);
  expect(res.body.data.purchaseOrders).toEqual([
    expect.objectContaining({ supplierId: backup.id, total: 11 }),
  ]);
});

test("when a product's supplier is on hold, then the plan spends nothing on it and says why", async () => {
  const s = await storeWithMember(t, 'manager');
  const held = await createSupplier(s, { name: 'Held', status: 'on-hold' });
  const tea = await createProduct(s, {
    name: 'Tea',
    cost: 2,
    initialQuantity: 30,
    supplierId: held.id,
  });
  for (const daysAgo of [1, 10, 20]) await sell(s, tea.id, 10, daysAgo);
  const data = (await plan(s, { budget: 500 }).expect(200)).body.data;
  expect(data.items).toEqual([
    expect.objectContaining({
      productId: tea.id,
      included: false,
      priority: 'low',
      recommendedQuantity: 0,
      reason: expect.stringMatching(
        /^skipped: its supplier Held is on-hold \(0 in stock, reorder point [\d.]+\); change its status or the product's supplier to order it$/,
      ),
    }),
  ]);
  expect(data.spent).toBe(0);
});
