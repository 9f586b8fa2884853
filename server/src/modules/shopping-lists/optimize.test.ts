import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, memberOf, storeWithMember } from '../../test/factories';
import {
  convert,
  generate,
  itemFor,
  listTables,
  offer,
  optimize,
  putItem,
} from '../../test/shopping-lists';

/** Optimising: the cheapest known supplier, its minimum order, whole packs, and why. */
const t = useTestApp();

test('when a list is optimised, then each open item gets the cheapest known supplier, its minimum and whole packs, and every change says why', async () => {
  const s = await storeWithMember(t, 'manager');
  const acme = await createSupplier(s, { name: 'Acme' });
  const bolt = await createSupplier(s, { name: 'Bolt' });
  const nuts = await createProduct(s, { name: 'Nuts', cost: 2, supplierId: acme.id });
  const screws = await createProduct(s, {
    name: 'Screws',
    cost: 1,
    supplierId: acme.id,
    packSize: 6,
  });
  const glue = await createProduct(s, { name: 'Glue', cost: 4, supplierId: acme.id });
  const list = (await generate(s).expect(201)).body.data;
  expect(itemFor(list, nuts.id)!.supplier!.name).toBe('Acme');

  // Bolt starts offering nuts and glue for less after the list was made.
  await offer(t, s, bolt.id, nuts.id, 1.5, 12);
  await offer(t, s, bolt.id, glue.id, 3);
  await putItem(s, list.id, itemFor(list, screws.id)!.id, { quantity: 4 }).expect(200);
  await putItem(s, list.id, itemFor(list, glue.id)!.id, { purchased: true }).expect(200);

  const res = await optimize(s, list.id).expect(200);
  const nutsItem = itemFor(res.body.data, nuts.id)!;
  const screwsItem = itemFor(res.body.data, screws.id)!;
  expect(res.body.data.changes).toEqual([
    {
      itemId: nutsItem.id,
      field: 'supplierId',
      from: acme.id,
      to: bolt.id,
      reason: 'Bolt sells it for 1.50, Acme for 2.00',
    },
    {
      itemId: nutsItem.id,
      field: 'estimatedUnitCost',
      from: 2,
      to: 1.5,
      reason: "Bolt's last known cost",
    },
    { itemId: nutsItem.id, field: 'quantity', from: 1, to: 12, reason: 'Bolt sells at least 12' },
    {
      itemId: screwsItem.id,
      field: 'quantity',
      from: 4,
      to: 6,
      reason: 'it comes in packs of 6',
    },
  ]);
  expect(nutsItem).toEqual(
    expect.objectContaining({ quantity: 12, estimatedUnitCost: 1.5, estimatedCost: 18 }),
  );
  // The purchased glue stays with Acme.
  expect(itemFor(res.body.data, glue.id)!.supplier!.name).toBe('Acme');
  expect(res.body.data.suppliers).toEqual([
    { supplier: { id: acme.id, name: 'Acme' }, itemCount: 2, estimatedTotal: 10 },
    { supplier: { id: bolt.id, name: 'Bolt' }, itemCount: 1, estimatedTotal: 18 },
  ]);
  expect(res.body.data.optimizedAt).toEqual(expect.any(String));
  const { rows } = await t.db.pool.query(
    `SELECT p.name, i.supplier_id, i.quantity, i.estimated_unit_cost FROM shopping_list_items i
     JOIN products p ON p.id = i.product_id WHERE i.shopping_list_id = $1 ORDER BY p.name`,
    [list.id],
  );
  expect(rows).toEqual([
    { name: 'Glue', supplier_id: acme.id, quantity: 1, estimated_unit_cost: '4.00' },
    { name: 'Nuts', supplier_id: bolt.id, quantity: 12, estimated_unit_cost: '1.50' },
    { name: 'Screws', supplier_id: acme.id, quantity: 6, estimated_unit_cost: '1.00' },
  ]);

  // Optimising again changes nothing more.
  expect((await optimize(s, list.id).expect(200)).body.data.changes).toEqual([]);
  const feed = await s.api
    .get(`${s.url}/events?type=shopping_list.updated`)
    .set(s.auth)
    .expect(200);
  expect(feed.body.data.map((e: { payload: { change: string } }) => e.payload.change)).toEqual([
    'generated',
    'items',
    'items',
    'optimized',
    'optimized',
  ]);
});

test('when the list was generated for some suppliers, then optimising stays with them', async () => {
  const s = await storeWithMember(t, 'manager');
  const acme = await createSupplier(s, { name: 'Acme' });
  const bolt = await createSupplier(s, { name: 'Bolt' });
  const nuts = await createProduct(s, { name: 'Nuts', cost: 2, supplierId: acme.id });
  await offer(t, s, bolt.id, nuts.id, 1);
  const list = (await generate(s, { criteria: { suppliers: [acme.id] } }).expect(201)).body.data;
  const res = await optimize(s, list.id).expect(200);
  expect(res.body.data.changes).toEqual([]);
  expect(itemFor(res.body.data, nuts.id)!.supplier!.name).toBe('Acme');
});

test('when an employee, another store or an ordered list is optimised, then 403, 404 or 409 and nothing changes', async () => {
  const s = await storeWithMember(t, 'manager');
  const other = await storeWithMember(t, 'manager');
  const acme = await createSupplier(s, { name: 'Acme' });
  await createProduct(s, { name: 'Nuts', cost: 2, supplierId: acme.id });
  const list = (await generate(s).expect(201)).body.data;
  const employee = await memberOf(t, s.storeId, 'employee');
  const before = await listTables(t, s.storeId);
  await optimize(employee, list.id).expect(403);
  await optimize(other, list.id).expect(404);
  expect(await listTables(t, s.storeId)).toEqual(before);
  await convert(s, list.id).expect(201);
  const res = await optimize(s, list.id).expect(409);
  expect(res.body.error.code).toBe('INVALID_STATE');
});
