import { useTestApp } from '../../../test/app';
import { withApiKey } from '../../../test/api-keys';
import {
  countRows,
  createCategory,
  createProduct,
  nextEan13,
  outboxTypes,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../../test/factories';

/*
 * A web shop's catalogue sync under an API key: products upserted by SKU or barcode, each
 * answered created / updated / unchanged / rejected, stock only through the ledger, the same
 * batch again changing nothing.
 */
const t = useTestApp();

const sync = (s: StoreMember, items: unknown, idempotencyKey?: string) => {
  const req = s.api.post(`${s.url}/products/sync`).set(s.auth);
  return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send({ items });
};

const movementsOf = async (storeId: string) =>
  (
    await t.db.pool.query(
      'SELECT product_id, delta, reason FROM stock_movements WHERE store_id = $1 ORDER BY created_at',
      [storeId],
    )
  ).rows;

test('when a shop syncs a batch, then missing products are created with their opening stock in the ledger, existing ones get the fields sent, and a refused item is answered alone', async () => {
  const admin = await storeWithMember(t, 'admin');
  const shop = await withApiKey(admin, 'manager');
  const tea = await createProduct(admin, {
    sku: 'TEA-1',
    name: 'Tea',
    price: 3,
    initialQuantity: 7,
  });
  const jamCode = nextEan13();
  const jam = await createProduct(admin, { name: 'Jam', price: 4, barcode: jamCode });
  const taken = nextEan13();
  await createProduct(admin, { name: 'Honey', price: 6, barcode: taken });
  const newCode = nextEan13();
  const batch = [
    { sku: 'COF-1', name: 'Coffee', price: 8.5, cost: 5, initialQuantity: 12 },
    { barcode: newCode, name: 'Sugar', price: 1.2 },
    { sku: 'tea-1', name: 'Tea', price: 3.25, initialQuantity: 99 },
    { barcode: jamCode, name: 'Jam', price: 4 },
    { sku: 'OAT-1', name: 'Oats', price: 2, barcode: taken },
  ];
  const res = await sync(shop, batch).expect(200);
  expect(res.body.data.summary).toEqual({
    total: 5,
    created: 2,
    updated: 1,
    unchanged: 1,
    rejected: 1,
  });
  const [coffee, sugar, teaItem, jamItem, oats] = res.body.data.items;
  expect(coffee).toEqual({
    index: 0,
    status: 'created',
    productId: expect.any(String),
    sku: 'COF-1',
    barcode: null,
    changed: [],
    error: null,
  });
  expect(sugar).toEqual(
    expect.objectContaining({ status: 'created', sku: expect.stringMatching(/^SUGA-/) }),
  );
  expect(teaItem).toEqual(
    expect.objectContaining({ status: 'updated', productId: tea.id, changed: ['sku', 'price'] }),
  );
  expect(jamItem).toEqual(expect.objectContaining({ status: 'unchanged', productId: jam.id }));
  expect(oats).toEqual(
    expect.objectContaining({
      status: 'rejected',
      productId: null,
      sku: 'OAT-1',
      error: expect.objectContaining({
        code: 'CONFLICT',
        message: 'A product with this barcode already exists',
      }),
    }),
  );

  // Stock: the new product's opening stock is a movement; the existing one's is untouched.
  expect(await quantityOf(t, coffee.productId)).toBe(12);
  expect(await quantityOf(t, tea.id)).toBe(7);
  const moves = await movementsOf(admin.storeId);
  expect(moves.filter((m) => m.product_id === coffee.productId)).toEqual([
    { product_id: coffee.productId, delta: 12, reason: 'initial' },
  ]);
  expect(moves.filter((m) => m.product_id === tea.id)).toHaveLength(1);
  expect(await countRows(t, 'products', admin.storeId)).toBe(5);
  const history = await admin.api
    .get(`${admin.url}/products/${tea.id}/history`)
    .set(admin.auth)
    .expect(200);
  expect(history.body.data).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        field: 'price',
        oldValue: '3.00',
        newValue: '3.25',
        reason: 'sync',
      }),
    ]),
  );
  // The refused item announced nothing: two products created, one updated.
  const types = await outboxTypes(t, admin.storeId);
  expect(types.filter((x) => x === 'product.created')).toHaveLength(3 + 2);
  expect(types.filter((x) => x === 'product.updated')).toHaveLength(1);

  // The same batch again: nothing changes.
  const before = await movementsOf(admin.storeId);
  const again = await sync(shop, batch).expect(200);
  expect(again.body.data.summary).toEqual({
    total: 5,
    created: 0,
    updated: 0,
    unchanged: 4,
    rejected: 1,
  });
  expect(await movementsOf(admin.storeId)).toEqual(before);
  expect(await countRows(t, 'products', admin.storeId)).toBe(5);
});

test('when keys of each role sync, then admins and managers may and employees and viewers are 403, and a person follows the same rule', async () => {
  const admin = await storeWithMember(t, 'admin');
  const item = (sku: string) => [{ sku, name: sku, price: 1 }];
  for (const role of ['admin', 'manager'] as const) {
    const key = await withApiKey(admin, role);
    const res = await sync(key, item(`OK-${role}`)).expect(200);
    expect(res.body.data.summary.created).toBe(1);
  }
  for (const role of ['employee', 'viewer'] as const) {
    const key = await withApiKey(admin, role);
    const res = await sync(key, item(`NO-${role}`)).expect(403);
    expect(res.body.error.message).toContain('inventory:bulk_update');
  }
  const employee = await storeWithMember(t, 'employee');
  await sync(employee, item('NO-person')).expect(403);
  expect(await countRows(t, 'products', admin.storeId)).toBe(2);
});

test('when two items with different keys are one product (its SKU in one, its barcode in the other), then the first applies and the second is refused, naming it', async () => {
  const s = await storeWithMember(t, 'admin');
  const shop = await withApiKey(s, 'manager');
  const p = await createProduct(s, { sku: 'MUG-1', barcode: '4006381333931', price: 5 });
  const res = await sync(shop, [
    { sku: 'MUG-1', name: 'Mug', price: 6 },
    { barcode: '4006381333931', name: 'Mug', price: 7 },
  ]).expect(200);
  const [first, second] = res.body.data.items;
  expect(first).toEqual(expect.objectContaining({ status: 'updated', productId: p.id }));
  expect(second).toEqual(
    expect.objectContaining({
      status: 'rejected',
      error: expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringContaining('Item 0 of this batch is the same product (MUG-1)'),
      }),
    }),
  );
  const now = await s.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
  expect(now.body.data.price).toBe(6);
});

test("when another store has the SKU or the category, then this store's sync neither sees nor changes it, and a key is refused in another store", async () => {
  const a = await storeWithMember(t, 'admin');
  const b = await storeWithMember(t, 'admin');
  const shopB = await withApiKey(b, 'manager');
  const theirs = await createProduct(a, { sku: 'SHARED-1', name: 'Theirs', price: 10 });
  const theirCategory = await createCategory(a, { name: 'Theirs' });
  const res = await sync(shopB, [
    { sku: 'SHARED-1', name: 'Ours', price: 2 },
    { sku: 'CAT-1', name: 'Filed', price: 2, categoryId: theirCategory.id },
  ]).expect(200);
  const [ours, filed] = res.body.data.items;
  expect(ours.status).toBe('created');
  expect(ours.productId).not.toBe(theirs.id);
  expect(filed).toEqual(
    expect.objectContaining({
      status: 'rejected',
      error: expect.objectContaining({
        code: 'VALIDATION_ERROR',
        details: [
          { field: 'categoryId', message: 'no such category in this store', code: 'not_found' },
        ],
      }),
    }),
  );
  const mine = await a.api.get(`${a.url}/products/${theirs.id}`).set(a.auth).expect(200);
  expect(mine.body.data).toEqual(expect.objectContaining({ name: 'Theirs', price: 10 }));
  await shopB.api
    .post(`${a.url}/products/sync`)
    .set(shopB.auth)
    .send({ items: [{ sku: 'SHARED-1', name: 'Mine now', price: 0 }] })
    .expect(403);
  expect(await countRows(t, 'products', a.storeId)).toBe(1);
});

test('when a full batch of 500 is synced twice with an Idempotency-Key, then the key replays the answer and the batch again is all unchanged', async () => {
  const admin = await storeWithMember(t, 'admin');
  const shop = await withApiKey(admin, 'admin');
  const items = Array.from({ length: 500 }, (_, i) => ({
    sku: `WEB-${i}`,
    barcode: nextEan13(),
    name: `Web product ${i}`,
    price: (100 + i) / 100,
    initialQuantity: i % 3,
  }));
  let started = Date.now();
  const first = await sync(shop, items, 'batch-1').expect(200);
  const createdMs = Date.now() - started;
  expect(first.body.data.summary).toEqual(expect.objectContaining({ created: 500 }));
  const replay = await sync(shop, items, 'batch-1').expect(200);
  expect(replay.headers['idempotent-replayed']).toBe('true');
  expect(replay.body.data).toEqual(first.body.data);
  started = Date.now();
  const again = await sync(shop, items, 'batch-2').expect(200);
  const unchangedMs = Date.now() - started;
  expect(again.body.data.summary).toEqual(expect.objectContaining({ unchanged: 500 }));
  expect(await countRows(t, 'products', admin.storeId)).toBe(500);
  // Opening stock of 0 makes no movement; 1 and 2 one each.
  expect((await movementsOf(admin.storeId)).length).toBe(333);
  process.stdout.write(`sync of 500: created in ${createdMs} ms, unchanged in ${unchangedMs} ms\n`);
});

const keep = { sku: 'KEEP', name: 'Changed', price: 9 };
const many = Array.from({ length: 500 }, (_, i) => ({ sku: `M${i}`, name: 'X', price: 1 }));

// Each batch but the empty one and the object starts with a valid change of KEEP: refused too.
test.each([
  ['no sku or barcode', [keep, { name: 'X', price: 1 }], 'items.1.sku', 'send a sku or a barcode'],
  [
    'a stock quantity',
    [keep, { sku: 'Q', name: 'X', price: 1, quantity: 5 }],
    'items.1',
    'stock is not synced',
  ],
  [
    'an unknown field',
    [keep, { sku: 'U', name: 'X', price: 1, colour: 'red' }],
    'items.1',
    'unknown field(s): colour',
  ],
  [
    'a bad check digit',
    [keep, { barcode: '4006381333932', name: 'X', price: 1 }],
    'items.1.barcode',
    'check digit',
  ],
  [
    'a negative price',
    [keep, { sku: 'N', name: 'X', price: -1 }],
    'items.1.price',
    'must not be negative',
  ],
  [
    'one SKU twice',
    [keep, { sku: 'keep', name: 'Y', price: 2 }],
    'items.1.sku',
    "repeats item 0's sku",
  ],
  ['no items', [], 'items', 'send at least one product'],
  ['501 items', [keep, ...many], 'items', 'at most 500'],
  ['no list', keep, 'items', ''],
])(
  'when a batch has %s, then it is 400 naming the field and nothing is synced',
  async (_what, items, field, message) => {
    const admin = await storeWithMember(t, 'admin');
    const shop = await withApiKey(admin, 'manager');
    const kept = await createProduct(admin, { sku: 'KEEP', name: 'Keep', price: 1 });
    const res = await sync(shop, items).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field, message: expect.stringContaining(message) }),
      ]),
    );
    const after = await admin.api
      .get(`${admin.url}/products/${kept.id}`)
      .set(admin.auth)
      .expect(200);
    expect(after.body.data).toEqual(expect.objectContaining({ name: 'Keep', price: 1 }));
    expect(await countRows(t, 'products', admin.storeId)).toBe(1);
  },
);
