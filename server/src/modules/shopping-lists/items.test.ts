import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { convert, generate, itemFor, listTables, offer, putItem } from '../../test/shopping-lists';

/** Editing a list's items, renaming, deleting and reading lists, and who may do which. */
const t = useTestApp();

async function listWithTwo(s: StoreMember) {
  const acme = await createSupplier(s, { name: 'Acme' });
  const tea = await createProduct(s, { name: 'Tea', cost: 2, supplierId: acme.id });
  const jam = await createProduct(s, { name: 'Jam', cost: 3 });
  const list = (await generate(s, { name: 'Friday' }).expect(201)).body.data;
  return { acme, tea, jam, list };
}

const feedOf = async (s: StoreMember) =>
  (
    await s.api.get(`${s.url}/events?type=shopping_list.updated`).set(s.auth).expect(200)
  ).body.data.map((e: { payload: { change: string } }) => e.payload.change);

test('when the shopper edits quantity, purchased and actual cost, then the list and its totals follow, in the database too', async () => {
  const s = await storeWithMember(t, 'manager');
  const { tea, jam, list } = await listWithTwo(s);
  const employee = await memberOf(t, s.storeId, 'employee');
  const teaItem = itemFor(list, tea.id)!;

  const res = await putItem(employee, list.id, teaItem.id, {
    quantity: 5,
    purchased: true,
    actualCost: 9.5,
  }).expect(200);
  // The shopper's answer carries no money (the money rule): what they paid is kept, not shown.
  expect(itemFor(res.body.data, tea.id)).toEqual(
    expect.objectContaining({
      quantity: 5,
      purchased: true,
      actualCost: null,
      estimatedCost: null,
    }),
  );
  expect([res.body.data.estimatedTotal, res.body.data.actualTotal]).toEqual([null, null]);
  expect(res.body.data.purchasedCount).toBe(1);
  const seen = (await s.api.get(`${s.url}/shopping-lists/${list.id}`).set(s.auth).expect(200)).body
    .data;
  expect(itemFor(seen, tea.id)).toEqual(
    expect.objectContaining({ actualCost: 9.5, estimatedCost: 10 }),
  );
  // Jam: 1 × 3.00, Tea: 5 × 2.00.
  expect([seen.estimatedTotal, seen.actualTotal]).toEqual([13, 9.5]);
  const { rows } = await t.db.pool.query(
    'SELECT quantity, purchased, actual_cost, suggested_quantity FROM shopping_list_items WHERE id = $1',
    [teaItem.id],
  );
  expect(rows[0]).toEqual({
    quantity: 5,
    purchased: true,
    actual_cost: '9.50',
    suggested_quantity: 1,
  });

  // A supplier for the jam: its offered price becomes the estimate.
  const bolt = await createSupplier(s, { name: 'Bolt' });
  await offer(t, s, bolt.id, jam.id, 2.25);
  const jamItem = itemFor(list, jam.id)!;
  const moved = await putItem(s, list.id, jamItem.id, { supplierId: bolt.id }).expect(200);
  expect(itemFor(moved.body.data, jam.id)).toEqual(
    expect.objectContaining({ supplier: { id: bolt.id, name: 'Bolt' }, estimatedUnitCost: 2.25 }),
  );
  expect(
    moved.body.data.suppliers.map((g: { supplier: { name: string } }) => g.supplier.name),
  ).toEqual(['Acme', 'Bolt']);
  expect(await feedOf(s)).toEqual(['generated', 'items', 'items']);
});

test.each([
  [{ quantity: -1 }, 'quantity'],
  [{ quantity: 2.5 }, 'quantity'],
  [{ actualCost: 1.234 }, 'actualCost'],
  [{ purchased: 'yes' }, 'purchased'],
  [{ supplierId: 'acme' }, 'supplierId'],
  [{ priority: 'urgent' }, 'priority'],
  [{}, 'body'],
])('when an item edit is bad (%j), then 400 on %s and nothing changes', async (body, field) => {
  const s = await storeWithMember(t, 'manager');
  const { tea, list } = await listWithTwo(s);
  const before = await listTables(t, s.storeId);
  const res = await putItem(s, list.id, itemFor(list, tea.id)!.id, body).expect(400);
  expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  expect(await listTables(t, s.storeId)).toEqual(before);
});

test("when an edit names another store's supplier, list or item, then 400 or 404 and nothing changes", async () => {
  const s = await storeWithMember(t, 'manager');
  const other = await storeWithMember(t, 'manager');
  const { tea, list } = await listWithTwo(s);
  const theirs = await listWithTwo(other);
  const theirSupplier = await createSupplier(other);
  const before = await listTables(t, s.storeId);
  const teaItem = itemFor(list, tea.id)!;

  const res = await putItem(s, list.id, teaItem.id, { supplierId: theirSupplier.id }).expect(400);
  expect(res.body.error.details[0].field).toBe('supplierId');
  // Their list through our store, their item on our list, our item on their list.
  await putItem(s, theirs.list.id, theirs.list.items[0].id, { quantity: 3 }).expect(404);
  await putItem(s, list.id, theirs.list.items[0].id, { quantity: 3 }).expect(404);
  await putItem(other, theirs.list.id, teaItem.id, { quantity: 3 }).expect(404);
  await s.api.get(`${s.url}/shopping-lists/${theirs.list.id}`).set(s.auth).expect(404);
  await s.api.delete(`${s.url}/shopping-lists/${theirs.list.id}`).set(s.auth).expect(404);
  await s.api
    .patch(`${s.url}/shopping-lists/${theirs.list.id}`)
    .set(s.auth)
    .send({ name: 'Mine now' })
    .expect(404);
  expect(await listTables(t, s.storeId)).toEqual(before);
  const { rows } = await t.db.pool.query('SELECT name FROM shopping_lists WHERE id = $1', [
    theirs.list.id,
  ]);
  expect(rows[0].name).toBe('Friday');
});

test('when lists are read, renamed and deleted, then newest come first, roles are checked and an ordered list is kept', async () => {
  const s = await storeWithMember(t, 'manager');
  const first = (await listWithTwo(s)).list;
  const second = (await generate(s, { name: 'Monday' }).expect(201)).body.data;
  const viewer = await memberOf(t, s.storeId, 'viewer');
  const employee = await memberOf(t, s.storeId, 'employee');

  const page = await s.api.get(`${s.url}/shopping-lists?limit=1`).set(viewer.auth).expect(200);
  expect(page.body.data.map((l: { name: string }) => l.name)).toEqual(['Monday']);
  expect(page.body.data[0]).toEqual(
    expect.objectContaining({ itemCount: 2, estimatedTotal: 5, status: 'draft' }),
  );
  expect(page.body.data[0].items).toBeUndefined();
  expect(page.body.pagination).toEqual(expect.objectContaining({ total: 2, hasNext: true }));
  await s.api.get(`${s.url}/shopping-lists/${first.id}`).set(viewer.auth).expect(200);

  await putItem(viewer, first.id, first.items[0].id, { quantity: 3 }).expect(403);
  await employee.api.delete(`${s.url}/shopping-lists/${first.id}`).set(employee.auth).expect(403);
  await employee.api
    .delete(`${s.url}/shopping-lists/${first.id}/items/${first.items[0].id}`)
    .set(employee.auth)
    .expect(403);
  await employee.api
    .patch(`${s.url}/shopping-lists/${first.id}`)
    .set(employee.auth)
    .send({ name: 'X' })
    .expect(403);

  const renamed = await s.api
    .patch(`${s.url}/shopping-lists/${first.id}`)
    .set(s.auth)
    .send({ name: '  Friday run ' })
    .expect(200);
  expect(renamed.body.data.name).toBe('Friday run');
  // Jam has no supplier: off the list before ordering.
  await s.api
    .delete(`${s.url}/shopping-lists/${first.id}/items/${first.items[1].id}`)
    .set(s.auth)
    .expect(204);
  expect(
    (await s.api.get(`${s.url}/shopping-lists/${first.id}`).set(s.auth).expect(200)).body.data
      .itemCount,
  ).toBe(1);
  await s.api.delete(`${s.url}/shopping-lists/${second.id}`).set(s.auth).expect(204);
  await s.api.get(`${s.url}/shopping-lists/${second.id}`).set(s.auth).expect(404);

  await convert(s, first.id).expect(201);
  const kept = await s.api.delete(`${s.url}/shopping-lists/${first.id}`).set(s.auth).expect(409);
  expect(kept.body.error.code).toBe('INVALID_STATE');
  const frozen = await putItem(s, first.id, first.items[0].id, { quantity: 9 }).expect(409);
  expect(frozen.body.error.code).toBe('INVALID_STATE');
  expect(
    (
      await s.api.get(`${s.url}/shopping-lists?status=ordered`).set(s.auth).expect(200)
    ).body.data.map((l: { id: string }) => l.id),
  ).toEqual([first.id]);
  expect(await feedOf(s)).toEqual([
    'generated',
    'generated',
    'edited',
    'items',
    'deleted',
    'ordered',
  ]);
});
