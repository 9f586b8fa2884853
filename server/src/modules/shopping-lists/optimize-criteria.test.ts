import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, storeWithMember } from '../../test/factories';
import { generate, itemFor, listTables, offer, putItem } from '../../test/shopping-lists';

/**
 * Issue 16: `optimize` honours the criteria the seed names (preferred suppliers, consolidated
 * orders, minimum orders, a budget) and refuses what it does not know with a 400, never
 * ignoring a body.
 */
const t = useTestApp();

const optimizeWith = (s: Awaited<ReturnType<typeof storeWithMember>>, id: string, body: object) =>
  s.api.post(`${s.url}/shopping-lists/${id}/optimize`).set(s.auth).send(body);

/** Nuts from Acme at 1.00, Bolts from Acme at 2.00 or Bolt Co at 1.50: two orders when cheapest. */
async function twoSuppliers() {
  const s = await storeWithMember(t, 'manager');
  const acme = await createSupplier(s, { name: 'Acme' });
  const boltCo = await createSupplier(s, { name: 'Bolt Co' });
  const nuts = await createProduct(s, { name: 'Nuts', cost: 1, supplierId: acme.id });
  const bolts = await createProduct(s, { name: 'Bolts', cost: 2, supplierId: acme.id });
  await offer(t, s, boltCo.id, bolts.id, 1.5);
  const list = (await generate(s).expect(201)).body.data;
  return { s, acme, boltCo, nuts, bolts, list };
}

test.each([
  [{ criteria: { minimiseCost: true } }, 'criteria'],
  [{ criteria: { preferredVendors: [] } }, 'criteria'],
  [{ criteria: { budget: -1 } }, 'criteria.budget'],
  [{ criteria: { consolidateOrders: 'yes' } }, 'criteria.consolidateOrders'],
  [{ criteria: { preferredSuppliers: ['x'] } }, 'criteria.preferredSuppliers.0'],
  [{ strategy: 'cheapest' }, 'strategy'],
])(
  'when the body is %j, then it is 400 naming %s and the list is unchanged',
  async (body, field) => {
    const { s, list } = await twoSuppliers();
    const before = await listTables(t, s.storeId);
    const res = await optimizeWith(s, list.id, body).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await listTables(t, s.storeId)).toEqual(before);
  },
);

test("when a preferred supplier is another store's, then it is 400 naming it", async () => {
  const { s, list } = await twoSuppliers();
  const other = await storeWithMember(t);
  const theirs = await createSupplier(other);
  const res = await optimizeWith(s, list.id, {
    criteria: { preferredSuppliers: [theirs.id] },
  }).expect(400);
  expect(res.body.error.details).toEqual([
    expect.objectContaining({ field: 'criteria.preferredSuppliers.0', code: 'not_found' }),
  ]);
});

test('when no criteria are sent, then each item goes to its cheapest supplier: two orders', async () => {
  const { s, acme, boltCo, nuts, bolts, list } = await twoSuppliers();
  const data = (await optimizeWith(s, list.id, {}).expect(200)).body.data;
  expect(itemFor(data, nuts.id)!.supplier!.id).toBe(acme.id);
  expect(itemFor(data, bolts.id)!.supplier!.id).toBe(boltCo.id);
  expect(data.suppliers).toHaveLength(2);
});

test('when orders are to be consolidated, then the items go to one supplier that has them all, and the reason says how many orders that saves', async () => {
  const { s, acme, nuts, bolts, list } = await twoSuppliers();
  // Generated cheapest first: nuts from Acme, bolts from Bolt Co.
  const boltsItem = itemFor(list, bolts.id)!;
  expect(boltsItem.supplier!.name).toBe('Bolt Co');
  const data = (
    await optimizeWith(s, list.id, { criteria: { consolidateOrders: true } }).expect(200)
  ).body.data;
  expect(data.changes).toEqual([
    {
      itemId: boltsItem.id,
      field: 'supplierId',
      from: boltsItem.supplier!.id,
      to: acme.id,
      reason: 'consolidated: Acme also supplies 1 other item on this list (1 order instead of 2)',
    },
    {
      itemId: boltsItem.id,
      field: 'estimatedUnitCost',
      from: 1.5,
      to: 2,
      reason: "Acme's last known cost",
    },
  ]);
  expect(itemFor(data, nuts.id)!.supplier!.id).toBe(acme.id);
  expect(data.suppliers).toHaveLength(1);
  const { rows } = await t.db.pool.query(
    'SELECT DISTINCT supplier_id FROM shopping_list_items WHERE shopping_list_id = $1',
    [list.id],
  );
  expect(rows).toEqual([{ supplier_id: acme.id }]);
  // Consolidating again changes nothing more.
  const again = (
    await optimizeWith(s, list.id, { criteria: { consolidateOrders: true } }).expect(200)
  ).body.data;
  expect(again.changes).toEqual([]);
});

test('when a supplier is preferred, then it wins over a cheaper one for the items it offers', async () => {
  const { s, acme, boltCo, bolts, nuts, list } = await twoSuppliers();
  await putItem(s, list.id, itemFor(list, bolts.id)!.id, { supplierId: boltCo.id }).expect(200);
  const data = (
    await optimizeWith(s, list.id, { criteria: { preferredSuppliers: [acme.id] } }).expect(200)
  ).body.data;
  expect(itemFor(data, bolts.id)).toEqual(
    expect.objectContaining({ supplier: { id: acme.id, name: 'Acme' }, estimatedUnitCost: 2 }),
  );
  expect(data.changes).toContainEqual(
    expect.objectContaining({ field: 'supplierId', to: acme.id, reason: 'Acme is preferred' }),
  );
  expect(itemFor(data, nuts.id)!.supplier!.id).toBe(acme.id);
});

test('when minimum orders are not to be respected, then quantities stay below the minimum; by default they are raised', async () => {
  const { s, boltCo, bolts, list } = await twoSuppliers();
  await t.db.pool.query(
    'UPDATE supplier_items SET min_order_quantity = 10 WHERE supplier_id = $1 AND product_id = $2',
    [boltCo.id, bolts.id],
  );
  const kept = (
    await optimizeWith(s, list.id, { criteria: { respectMinimumOrders: false } }).expect(200)
  ).body.data;
  expect(itemFor(kept, bolts.id)).toEqual(
    expect.objectContaining({ supplier: { id: boltCo.id, name: 'Bolt Co' }, quantity: 1 }),
  );
  const raised = (await optimizeWith(s, list.id, {}).expect(200)).body.data;
  expect(itemFor(raised, bolts.id)!.quantity).toBe(10);
});

test('when a budget is given, then the least pressing items are cut to fit it, and each cut says why', async () => {
  const s = await storeWithMember(t, 'manager');
  const acme = await createSupplier(s, { name: 'Acme' });
  // Out of stock (urgent) and at the reorder point (high).
  const flour = await createProduct(s, {
    name: 'Flour',
    cost: 2,
    supplierId: acme.id,
    reorderQuantity: 20,
  });
  const sugar = await createProduct(s, {
    name: 'Sugar',
    cost: 3,
    initialQuantity: 5,
    reorderPoint: 5,
    reorderQuantity: 20,
    supplierId: acme.id,
  });
  const list = (await generate(s).expect(201)).body.data;
  expect(list.estimatedTotal).toBe(100); // 20 × 2 + 20 × 3

  const data = (await optimizeWith(s, list.id, { criteria: { budget: 70 } }).expect(200)).body.data;
  // Flour (urgent) keeps its 20 (40.00); sugar gets what 30.00 buys: 10.
  expect(itemFor(data, flour.id)!.quantity).toBe(20);
  expect(itemFor(data, sugar.id)!.quantity).toBe(10);
  expect(data.estimatedTotal).toBe(70);
  expect(data.changes).toEqual([
    {
      itemId: itemFor(data, sugar.id)!.id,
      field: 'quantity',
      from: 20,
      to: 10,
      reason: 'the budget of 70.00 buys 10 after more pressing items',
    },
  ]);
  const cut = (await optimizeWith(s, list.id, { criteria: { budget: 30 } }).expect(200)).body.data;
  expect(itemFor(cut, sugar.id)!.quantity).toBe(0);
  expect(itemFor(cut, flour.id)!.quantity).toBe(15);
});
