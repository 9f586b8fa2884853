import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, memberOf, storeWithMember } from '../../test/factories';
import { addDays } from './suggestion';
import { convert, generate, itemFor, listTables, putItem } from '../../test/shopping-lists';

/** Turning a list into purchase orders: one per supplier, once, all or nothing. */
const t = useTestApp();

const ordersOf = async (storeId: string) =>
  (
    await t.db.pool.query(
      `SELECT o.id, o.supplier_id, o.status, o.total, o.shopping_list_id,
         to_char(o.expected_at, 'YYYY-MM-DD') AS expected_at,
         (SELECT json_agg(json_build_object('product_id', l.product_id, 'quantity', l.quantity,
            'unit_cost', l.unit_cost) ORDER BY l.position)
          FROM purchase_order_lines l WHERE l.purchase_order_id = o.id) AS lines
       FROM purchase_orders o WHERE o.store_id = $1 ORDER BY o.order_number`,
      [storeId],
    )
  ).rows;

test('when a list is turned into orders, then one order per supplier holds its open items, the list is ordered, and a replay answers the same once', async () => {
  const s = await storeWithMember(t, 'manager');
  const acme = await createSupplier(s, { name: 'Acme', leadTimeDays: 3 });
  const bolt = await createSupplier(s, { name: 'Bolt' });
  const tea = await createProduct(s, { name: 'Tea', cost: 2.5, supplierId: acme.id });
  const jam = await createProduct(s, { name: 'Jam', cost: 1.25, supplierId: acme.id });
  const nuts = await createProduct(s, { name: 'Nuts', cost: 4, supplierId: bolt.id });
  const bought = await createProduct(s, { name: 'Bought', cost: 9, supplierId: bolt.id });
  const skipped = await createProduct(s, { name: 'Skipped', cost: 9, supplierId: acme.id });
  const list = (await generate(s, { name: 'Week 49' }).expect(201)).body.data;
  await putItem(s, list.id, itemFor(list, tea.id)!.id, { quantity: 4 }).expect(200);
  await putItem(s, list.id, itemFor(list, jam.id)!.id, { quantity: 10 }).expect(200);
  await putItem(s, list.id, itemFor(list, bought.id)!.id, { purchased: true }).expect(200);
  await putItem(s, list.id, itemFor(list, skipped.id)!.id, { quantity: 0 }).expect(200);

  const res = await convert(s, list.id, 'po-1').expect(201);
  const { purchaseOrders, shoppingList } = res.body.data;
  expect(purchaseOrders).toEqual([
    {
      id: expect.any(String),
      orderNumber: expect.stringMatching(/^PO-\d{4}-\d{6}$/),
      supplierId: acme.id,
      total: 22.5,
    },
    {
      id: expect.any(String),
      orderNumber: expect.stringMatching(/^PO-\d{4}-\d{6}$/),
      supplierId: bolt.id,
      total: 4,
    },
  ]);
  const [acmeOrder, boltOrder] = purchaseOrders;
  const today = new Date().toISOString().slice(0, 10);
  expect(await ordersOf(s.storeId)).toEqual([
    {
      id: acmeOrder.id,
      supplier_id: acme.id,
      status: 'pending',
      total: '22.50',
      shopping_list_id: list.id,
      expected_at: addDays(today, 3),
      lines: [
        { product_id: jam.id, quantity: 10, unit_cost: 1.25 },
        { product_id: tea.id, quantity: 4, unit_cost: 2.5 },
      ],
    },
    {
      id: boltOrder.id,
      supplier_id: bolt.id,
      status: 'pending',
      total: '4.00',
      shopping_list_id: list.id,
      expected_at: null,
      lines: [{ product_id: nuts.id, quantity: 1, unit_cost: 4 }],
    },
  ]);
  expect(shoppingList).toEqual(
    expect.objectContaining({ status: 'ordered', orderedAt: expect.any(String) }),
  );
  expect(shoppingList.purchaseOrders).toEqual(expect.arrayContaining(purchaseOrders));
  expect(
    Object.fromEntries(
      shoppingList.items.map((i: { product: { name: string }; purchaseOrderId: string | null }) => [
        i.product.name,
        i.purchaseOrderId,
      ]),
    ),
  ).toEqual({
    Tea: acmeOrder.id,
    Jam: acmeOrder.id,
    Nuts: boltOrder.id,
    Bought: null,
    Skipped: null,
  });
  const { rows } = await t.db.pool.query(
    'SELECT status, ordered_at IS NOT NULL AS ordered FROM shopping_lists WHERE id = $1',
    [list.id],
  );
  expect(rows[0]).toEqual({ status: 'ordered', ordered: true });

  const replay = await convert(s, list.id, 'po-1').expect(201);
  expect(replay.headers['idempotent-replayed']).toBe('true');
  expect(replay.body).toEqual(res.body);
  const twice = await convert(s, list.id, 'po-2').expect(409);
  expect(twice.body.error.code).toBe('INVALID_STATE');
  expect(await ordersOf(s.storeId)).toHaveLength(2);
  const feed = await s.api
    .get(`${s.url}/events?type=shopping_list.updated`)
    .set(s.auth)
    .expect(200);
  expect(feed.body.data.at(-1).payload).toEqual({ shoppingListId: list.id, change: 'ordered' });
  const created = await s.api
    .get(`${s.url}/events?type=purchase_order.updated`)
    .set(s.auth)
    .expect(200);
  expect(created.body.data.map((e: { payload: object }) => e.payload)).toEqual([
    expect.objectContaining({ purchaseOrderId: acmeOrder.id, change: 'created' }),
    expect.objectContaining({ purchaseOrderId: boltOrder.id, change: 'created' }),
  ]);
  // The orders are the purchasing module's, readable through its API.
  const order = await s.api.get(`${s.url}/purchase-orders/${acmeOrder.id}`).set(s.auth).expect(200);
  expect(order.body.data).toEqual(
    expect.objectContaining({ orderNumber: acmeOrder.orderNumber, status: 'pending', total: 22.5 }),
  );
});

test('when an item to order has no supplier, then 400 naming it and nothing is created', async () => {
  const s = await storeWithMember(t, 'manager');
  const acme = await createSupplier(s, { name: 'Acme' });
  await createProduct(s, { name: 'Tea', cost: 2, supplierId: acme.id });
  const loose = await createProduct(s, { name: 'Loose leaf' });
  const list = (await generate(s).expect(201)).body.data;
  const before = await listTables(t, s.storeId);
  const res = await convert(s, list.id, 'po-x').expect(400);
  expect(res.body.error.message).toBe('Pick a supplier for Loose leaf first');
  expect(res.body.error.details).toEqual([
    {
      field: `items.${itemFor(list, loose.id)!.id}.supplierId`,
      message: 'Loose leaf has no supplier: pick one first',
      code: 'required',
    },
  ]);
  expect(await listTables(t, s.storeId)).toEqual(before);
  expect(await ordersOf(s.storeId)).toEqual([]);
  // Refused before any order number was taken: no gap in the numbers.
  const { rows: counters } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM purchase_order_counters WHERE store_id = $1',
    [s.storeId],
  );
  expect(counters[0].n).toBe(0);

  // Picking one makes the same key's retry work (a 400 frees the key).
  await putItem(s, list.id, itemFor(list, loose.id)!.id, { supplierId: acme.id }).expect(200);
  const ok = await convert(s, list.id, 'po-x').expect(201);
  expect(ok.body.data.purchaseOrders).toEqual([
    expect.objectContaining({ orderNumber: expect.stringMatching(/^PO-\d{4}-000001$/) }),
  ]);
});

test('when nothing is left to order, or the caller may not, or the list is not theirs, then 409, 403 or 404', async () => {
  const s = await storeWithMember(t, 'manager');
  const other = await storeWithMember(t, 'admin');
  const acme = await createSupplier(s, { name: 'Acme' });
  const tea = await createProduct(s, { name: 'Tea', cost: 2, supplierId: acme.id });
  const list = (await generate(s).expect(201)).body.data;
  const employee = await memberOf(t, s.storeId, 'employee');
  await convert(employee, list.id).expect(403);
  await convert(other, list.id).expect(404);
  await putItem(s, list.id, itemFor(list, tea.id)!.id, { quantity: 0 }).expect(200);
  const res = await convert(s, list.id).expect(409);
  expect(res.body.error.code).toBe('INVALID_STATE');
  expect(await ordersOf(s.storeId)).toEqual([]);
  const { rows } = await t.db.pool.query('SELECT status FROM shopping_lists WHERE id = $1', [
    list.id,
  ]);
  expect(rows[0].status).toBe('draft');
});

test('when two managers convert the same list at once, then one gets the orders and the other 409', async () => {
  const s = await storeWithMember(t, 'manager');
  const other = await memberOf(t, s.storeId, 'admin');
  const acme = await createSupplier(s, { name: 'Acme' });
  await createProduct(s, { name: 'Tea', cost: 2, supplierId: acme.id });
  const list = (await generate(s).expect(201)).body.data;
  const answers = await Promise.all([convert(s, list.id, 'a'), convert(other, list.id, 'b')]);
  expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
  expect(await ordersOf(s.storeId)).toHaveLength(1);
});
