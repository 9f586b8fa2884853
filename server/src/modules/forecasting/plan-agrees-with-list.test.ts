import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { sellDaily } from '../../test/forecasting';
import { generate, itemFor, offer, sell } from '../../test/shopping-lists';

/**
 * Review of issue 16, findings 6 and 11: the budget plan (`optimization/reorder`), the reorder
 * list and the stock outlook give one answer for the same product — the same supplier (lead
 * time weighed against price), the same priority, the product's own reorder point (Nimbus's
 * computed one only as a suggestion, with why) and one lead time per supplier.
 */
const t = useTestApp();

interface PlanItem {
  productId: string;
  supplierId: string | null;
  supplierName: string | null;
  leadTimeDays: number;
  leadTimeSource: string;
  priority: string;
  reorderPoint: number;
  suggestedReorderPoint: number | null;
  suggestedReorderPointWhy: string | null;
  recommendedQuantity: number;
  unitCost: number | null;
  included: boolean;
  reason: string;
}

const plan = async (s: StoreMember, body: object = { budget: 100000 }) =>
  (await s.api.post(`${s.url}/optimization/reorder`).set(s.auth).send(body).expect(200)).body
    .data as { items: PlanItem[]; spent: number };
const planItem = async (s: StoreMember, productId: string, body?: object) =>
  (await plan(s, body)).items.find((i) => i.productId === productId)!;
const fromPlan = (s: StoreMember, body: object) =>
  s.api.post(`${s.url}/shopping-lists/from-plan`).set(s.auth).send(body);

/** Yoghurt: 7 left at 3.5 a day (2 days), its own Cheapo (10 days, 1.80) or Fresh (2 days, 2.40). */
async function urgentYoghurt() {
  const s = await storeWithMember(t, 'manager');
  const cheapo = await createSupplier(s, { name: 'Cheapo', leadTimeDays: 10 });
  const fresh = await createSupplier(s, { name: 'Fresh', leadTimeDays: 2 });
  const yoghurt = await createProduct(s, {
    name: 'Yoghurt',
    cost: 1.8,
    initialQuantity: 112,
    supplierId: cheapo.id,
  });
  for (const daysAgo of [1, 10, 20]) await sell(s, yoghurt.id, 35, daysAgo);
  await offer(t, s, fresh.id, yoghurt.id, 2.4);
  return { s, cheapo, fresh, yoghurt };
}

test('when an item runs out before its own cheap supplier can deliver, then the plan buys it from the fast one, at the same priority as the list', async () => {
  const { s, fresh, yoghurt } = await urgentYoghurt();
  const item = await planItem(s, yoghurt.id);
  const list = (await generate(s, { criteria: { daysAhead: 14 } }).expect(201)).body.data;
  const listed = itemFor(list, yoghurt.id)!;

  // Before: Cheapo (10 days) for an item with 2 days of stock, "urgent" in the plan while the
  // list said "medium" with Fresh.
  expect(item).toEqual(
    expect.objectContaining({
      supplierId: fresh.id,
      supplierName: 'Fresh',
      leadTimeDays: 2,
      unitCost: 2.4,
      included: true,
    }),
  );
  expect(listed.supplier).toEqual({ id: fresh.id, name: 'Fresh' });
  expect(item.priority).toBe(listed.priority);
  expect(item.reason).toContain('Fresh chosen: runs out in about 2 days');
  expect(item.reason).not.toMatch(/\d\.\d\d/);
});

test('when the plan becomes orders, then the fast supplier gets the order, whether the server picks it or the plan names it', async () => {
  const { s, fresh, yoghurt } = await urgentYoghurt();
  const item = await planItem(s, yoghurt.id);
  // Before: without a supplier the server took the product's own (Cheapo, 10 days).
  const picked = await fromPlan(s, { items: [{ productId: yoghurt.id, quantity: 5 }] }).expect(201);
  expect(picked.body.data.shoppingList.items[0]).toEqual(
    expect.objectContaining({ supplier: { id: fresh.id, name: 'Fresh' }, estimatedUnitCost: 2.4 }),
  );
  const named = await fromPlan(s, {
    items: [
      {
        productId: yoghurt.id,
        quantity: item.recommendedQuantity,
        supplierId: item.supplierId,
        priority: item.priority,
        reason: item.reason,
      },
    ],
    placeOrders: true,
  }).expect(201);
  expect(named.body.data.purchaseOrders).toEqual([
    expect.objectContaining({ supplierId: fresh.id }),
  ]);
  const { rows } = await t.db.pool.query(
    `SELECT o.supplier_id, l.quantity, l.unit_cost FROM purchase_orders o
     JOIN purchase_order_lines l ON l.purchase_order_id = o.id WHERE o.store_id = $1`,
    [s.storeId],
  );
  expect(rows).toEqual([
    { supplier_id: fresh.id, quantity: item.recommendedQuantity, unit_cost: '2.40' },
  ]);
});

/**
 * Parmesan: its own reorder point 4; 5 in stock selling 1 and 2 a day by turns; Dairy states 2
 * days but its last three orders each took 2.8 days.
 */
async function parmesan() {
  const s = await storeWithMember(t, 'manager');
  const dairy = await createSupplier(s, { name: 'Dairy', leadTimeDays: 2 });
  const cheese = await createProduct(s, {
    name: 'Parmesan',
    cost: 6,
    initialQuantity: 5,
    reorderPoint: 4,
    supplierId: dairy.id,
  });
  await sellDaily(
    t,
    s,
    cheese.id,
    Array.from({ length: 30 }, (_, i) => (i % 2 ? 2 : 1)),
  );
  // sellDaily writes history only; a sale through the till also marks the product as sold.
  await t.db.pool.query(
    `UPDATE products SET last_sold_at = now() - interval '1 day' WHERE id = $1`,
    [cheese.id],
  );
  for (const n of [1, 2, 3]) {
    await t.db.pool.query(
      `INSERT INTO purchase_orders (store_id, supplier_id, order_number, status, ordered_at, completed_at)
       VALUES ($1, $2, $3, 'completed', now() - interval '40 days',
         now() - interval '40 days' + interval '67 hours')`,
      [s.storeId, dairy.id, `PO-2026-00000${n}`],
    );
  }
  return { s, dairy, cheese };
}

test("when a product's reorder point is 4, then the plan shows 4 and judges against it, with Nimbus's computed one as a suggestion and why", async () => {
  const { s, cheese } = await parmesan();
  const item = await planItem(s, cheese.id);
  const outlook = (await s.api.get(`${s.url}/predictions/${cheese.id}`).set(s.auth).expect(200))
    .body.data;

  // Before: the computed reorder point (d·L + safety stock, above 5) as "the" reorder point,
  // and the priority judged against it.
  expect(item.reorderPoint).toBe(4);
  expect(item.reason).toContain('reorder point 4');
  expect(item.reason).not.toMatch(/reorder point \d+\.\d/);
  // The same rule (d·L + safety stock) on the same daily rate, lead time and spread: with no
  // stored forecast the plan forecasts live as the outlook does (the lead-time total's spread),
  // where it took the last 30 days' spread before (safety 1.45 against the outlook's 1.54).
  expect(item.suggestedReorderPoint).toBe(Math.ceil(outlook.reorder.reorderPoint));
  expect(item.suggestedReorderPointWhy).toBe(outlook.reorder.why);
  // 5 in stock is above 4: not "high" (at or below the reorder point).
  expect(item.priority).not.toBe('high');
});

test('when a supplier states 2 days but has measured 2.8, then the list, the plan and the outlook all say the same whole number of days', async () => {
  const { s, cheese } = await parmesan();
  const item = await planItem(s, cheese.id);
  const list = (await generate(s, { criteria: { daysAhead: 14 } }).expect(201)).body.data;
  const outlook = (await s.api.get(`${s.url}/predictions/${cheese.id}`).set(s.auth).expect(200))
    .body.data;

  // Before: "supplier needs 2 days" in the list and 2.8 days in the plan and the outlook.
  expect(item).toEqual(
    expect.objectContaining({ leadTimeDays: 3, leadTimeSource: 'supplier_performance' }),
  );
  expect(item.reason).toContain('lead time 3 days');
  expect(itemFor(list, cheese.id)!.reason).toContain('supplier needs 3 days');
  expect(outlook.reorder.leadTimeDays).toBe(3);
  expect(outlook.reorder.why).toMatch(/^3 days of lead time/);
  expect(item.priority).toBe(itemFor(list, cheese.id)!.priority);
});
