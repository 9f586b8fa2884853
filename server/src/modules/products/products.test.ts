import { useTestApp } from '../../test/app';
import {
  countRows,
  createCategory,
  createSupplier,
  memberOf,
  nextEan13,
  outboxTypes,
  storeWithMember,
  wholeProductBody,
  type StoreMember,
} from '../../test/factories';
import { postSale } from '../../test/requests';

const t = useTestApp();

const create = (s: StoreMember, body: object) =>
  t.api.post(`${s.url}/products`).set(s.auth).send(body);

test('when a product is created without SKU and with initial stock, then a SKU is generated and the stock is a movement', async () => {
  const s = await storeWithMember(t);
  const cat = await createCategory(s, { name: 'Dairy' });
  const res = await create(s, {
    name: 'Whole Milk 1L',
    price: 1.49,
    cost: 0.9,
    categoryId: cat.id,
    barcode: '036000291452',
    reorderPoint: 5,
    location: { aisle: '3', row: 'B', bin: null },
    expiresAt: '2030-01-31',
    initialQuantity: 12,
    unit: 'bottle',
  }).expect(201);
  const p = res.body.data;
  expect(p).toEqual(
    expect.objectContaining({
      name: 'Whole Milk 1L',
      price: 1.49,
      cost: 0.9,
      quantity: 12,
      lowStock: false,
      outOfStock: false,
      category: { id: cat.id, name: 'Dairy' },
      supplier: null,
      location: { aisle: '3', row: 'B', bin: null },
      expiresAt: '2030-01-31',
    }),
  );
  expect(p.sku).toMatch(/^WHOL-[A-Z0-9]+$/);
  const mv = await t.api.get(`${s.url}/products/${p.id}/movements`).set(s.auth).expect(200);
  expect(mv.body.data).toEqual([
    expect.objectContaining({ delta: 12, reason: 'initial', quantityAfter: 12 }),
  ]);
  expect(await outboxTypes(t, s.storeId)).toEqual([
    'category.created',
    'inventory.stock_updated',
    'product.created',
  ]);
});

test('when the SKU or barcode is taken in the store, then 409 on that field; another store may reuse them', async () => {
  const s = await storeWithMember(t);
  const barcode = nextEan13();
  await create(s, { name: 'A', price: 1, sku: 'SKU-1', barcode }).expect(201);
  const sku = await create(s, { name: 'B', price: 1, sku: 'SKU-1' }).expect(409);
  expect(sku.body.error.details[0].field).toBe('sku');
  // One SKU whatever the letter case: a scanner or a person may type either.
  await create(s, { name: 'B', price: 1, sku: 'sku-1' }).expect(409);
  const bc = await create(s, { name: 'C', price: 1, barcode }).expect(409);
  expect(bc.body.error.details[0].field).toBe('barcode');
  const other = await storeWithMember(t);
  await create(other, { name: 'A', price: 1, sku: 'SKU-1', barcode }).expect(201);
});

test('when both the SKU and the barcode are taken, then one 409 names both fields, on create and on edit', async () => {
  const s = await storeWithMember(t);
  const barcode = nextEan13();
  await create(s, { name: 'A', price: 1, sku: 'SKU-A' }).expect(201);
  await create(s, { name: 'B', price: 1, sku: 'SKU-B', barcode }).expect(201);
  const both = await create(s, { name: 'C', price: 1, sku: 'sku-a', barcode }).expect(409);
  expect(both.body.error.details.map((d: { field: string }) => d.field)).toEqual([
    'sku',
    'barcode',
  ]);
  expect(both.body.error.message).toBe('A product with this SKU and barcode already exists');
  const c = (await create(s, { name: 'C', price: 1, sku: 'SKU-C' }).expect(201)).body.data;
  const edit = await t.api
    .patch(`${s.url}/products/${c.id}`)
    .set(s.auth)
    .send({ sku: 'SKU-A', barcode })
    .expect(409);
  expect(edit.body.error.details.map((d: { field: string }) => d.field)).toEqual([
    'sku',
    'barcode',
  ]);
  // Its own codes are not taken from itself.
  await t.api.patch(`${s.url}/products/${c.id}`).set(s.auth).send({ sku: 'SKU-C' }).expect(200);
  expect(await countRows(t, 'products', s.storeId)).toBe(3);
});

test.each([
  [{ name: 'X', price: -1 }, 'price'],
  [{ name: 'X', price: 1.999 }, 'price'],
  [{ name: 'X', price: '1' }, 'price'],
  [{ name: 'X' }, 'price'],
  [{ name: 'x'.repeat(201), price: 1 }, 'name'],
  [{ name: 'X', price: 1, barcode: '036000291453' }, 'barcode'],
  [{ name: 'X', price: 1, barcode: '12345' }, 'barcode'],
  [{ name: 'X', price: 1, initialQuantity: -3 }, 'initialQuantity'],
  [{ name: 'X', price: 1, initialQuantity: 1.5 }, 'initialQuantity'],
  [{ name: 'X', price: 1, reorderPoint: -1 }, 'reorderPoint'],
  [{ name: 'X', price: 1, expiresAt: '31/01/2030' }, 'expiresAt'],
  [{ name: 'X', price: 1, categoryId: 'nope' }, 'categoryId'],
  [{ name: 'X', price: 1, sku: 'has space' }, 'sku'],
])('when a product body is bad (%j), then 400 on %s and nothing is stored', async (body, field) => {
  const s = await storeWithMember(t);
  const res = await create(s, body).expect(400);
  expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
});

test("when a body names another store's category or supplier, then 400 on that field", async () => {
  const s = await storeWithMember(t);
  const other = await storeWithMember(t);
  const foreignCat = await createCategory(other, { name: 'Theirs' });
  const foreignSup = await createSupplier(other, { name: 'Theirs' });
  const res = await create(s, {
    name: 'X',
    price: 1,
    categoryId: foreignCat.id,
    supplierId: foreignSup.id,
  }).expect(400);
  expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
    'categoryId',
    'supplierId',
  ]);
});

test('when a product is edited, then the history lists each changed field; quantity cannot be written', async () => {
  const s = await storeWithMember(t);
  const p = (
    await create(s, { name: 'Soap', price: 2, reorderPoint: 1, initialQuantity: 4 }).expect(201)
  ).body.data;
  const refused = await t.api
    .patch(`${s.url}/products/${p.id}`)
    .set(s.auth)
    .send({ price: 2.25, name: 'Hand Soap', quantity: 999 })
    .expect(400);
  expect(refused.body.error.details).toEqual([
    expect.objectContaining({ field: 'quantity', message: expect.stringMatching(/adjustments/) }),
  ]);
  const typo = await create(s, { name: 'Typo', price: 1, quantity: 5 }).expect(400);
  expect(typo.body.error.details[0].message).toMatch(/initialQuantity/);
  const res = await t.api
    .patch(`${s.url}/products/${p.id}`)
    .set(s.auth)
    .send({ price: 2.25, name: 'Hand Soap' })
    .expect(200);
  expect(res.body.data).toEqual(
    expect.objectContaining({ price: 2.25, name: 'Hand Soap', quantity: 4 }),
  );
  const h = await t.api.get(`${s.url}/products/${p.id}/history`).set(s.auth).expect(200);
  expect(
    h.body.data
      .map((c: { field: string; oldValue: string; newValue: string }) => [
        c.field,
        c.oldValue,
        c.newValue,
      ])
      .sort(),
  ).toEqual([
    ['name', 'Soap', 'Hand Soap'],
    ['price', '2.00', '2.25'],
  ]);
  expect(h.body.data[0].changedBy).toEqual({ id: s.user.id, name: s.user.name });
  // PUT replaces the whole product: every field sent, null clearing one.
  const put = await t.api
    .put(`${s.url}/products/${p.id}`)
    .set(s.auth)
    .send({ ...wholeProductBody(res.body.data), reorderPoint: 0, unit: null })
    .expect(200);
  expect(put.body.data).toEqual(
    expect.objectContaining({ sku: p.sku, name: 'Hand Soap', reorderPoint: 0, quantity: 4 }),
  );
});

test('filters, sort whitelist and price range select the right products', async () => {
  const s = await storeWithMember(t);
  const cat = await createCategory(s, { name: 'Snacks' });
  const soon = new Date(Date.now() + 5 * 864e5).toISOString().slice(0, 10);
  await create(s, {
    name: 'Chips',
    price: 2,
    reorderPoint: 5,
    initialQuantity: 3,
    categoryId: cat.id,
  }).expect(201);
  await create(s, {
    name: 'Candy',
    price: 1,
    reorderPoint: 2,
    initialQuantity: 0,
    categoryId: cat.id,
  }).expect(201);
  await create(s, {
    name: 'Yogurt',
    price: 4,
    reorderPoint: 1,
    initialQuantity: 10,
    expiresAt: soon,
  }).expect(201);
  await create(s, { name: 'Old Stock', price: 9, initialQuantity: 1, active: false }).expect(201);
  const names = async (q: string) =>
    (await t.api.get(`${s.url}/products?${q}`).set(s.auth).expect(200)).body.data.map(
      (p: { name: string }) => p.name,
    );
  expect(await names('lowStock=true')).toEqual(['Candy', 'Chips']);
  expect(await names('outOfStock=true')).toEqual(['Candy']);
  expect(await names('status=low_stock')).toEqual(['Chips']);
  expect(await names(`category=${cat.id}&sort=price&order=desc`)).toEqual(['Chips', 'Candy']);
  expect(await names('expiringWithinDays=7')).toEqual(['Yogurt']);
  expect(await names('minPrice=1.5&maxPrice=5')).toEqual(['Chips', 'Yogurt']);
  expect(await names('active=false')).toEqual(['Old Stock']);
  expect(await names('sort=quantity&order=desc&limit=2')).toEqual(['Yogurt', 'Chips']);
  for (const bad of [
    'sort=password_hash',
    'sort=name;drop',
    'order=sideways',
    'lowStock=yes',
    'minPrice=5&maxPrice=1',
    'limit=0',
    'category=x',
    'expiringWithinDays=-1',
  ]) {
    const res = await t.api.get(`${s.url}/products?${bad}`).set(s.auth).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
});

test('search finds words by prefix, sku and barcode, and tolerates a typo', async () => {
  const s = await storeWithMember(t);
  const barcode = nextEan13();
  await create(s, {
    name: 'Dark Chocolate Bar',
    brand: 'Lindt',
    price: 3,
    sku: 'CHOC-01',
    barcode,
  }).expect(201);
  await create(s, { name: 'Peanut Butter', price: 4 }).expect(201);
  await create(s, {
    name: 'Strawberry Jam',
    price: 3.5,
    description: 'made with real chocolate chips',
  }).expect(201);
  const names = async (q: string) =>
    (
      await t.api
        .get(`${s.url}/products?search=${encodeURIComponent(q)}`)
        .set(s.auth)
        .expect(200)
    ).body.data.map((p: { name: string }) => p.name);
  expect(await names('choc')).toEqual(['Dark Chocolate Bar', 'Strawberry Jam']);
  expect(await names('lindt')).toEqual(['Dark Chocolate Bar']);
  expect(await names('CHOC-01')).toEqual(['Dark Chocolate Bar']);
  expect(await names(barcode)).toEqual(['Dark Chocolate Bar']);
  expect(await names('choclate')).toContain('Dark Chocolate Bar');
  expect(await names('peanut buter')).toEqual(['Peanut Butter']);
  expect(await names("'); drop table products; --")).toEqual([]);
});

test('a keyset cursor walks the whole list exactly like pages do', async () => {
  const s = await storeWithMember(t);
  for (let i = 0; i < 7; i++)
    await create(s, { name: `Item ${String.fromCharCode(71 - i)}`, price: i + 1 }).expect(201);
  for (const sort of ['name', 'price', 'createdAt']) {
    const seen: string[] = [];
    let cursor: string | null = '';
    let first = true;
    while (first || cursor) {
      first = false;
      const res: {
        body: {
          data: Array<{ name: string }>;
          pagination: { nextCursor: string | null; hasNext: boolean; total?: number };
        };
      } = await t.api
        .get(
          `${s.url}/products?sort=${sort}&order=desc&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        )
        .set(s.auth)
        .expect(200);
      seen.push(...res.body.data.map((p) => p.name));
      if (cursor) expect(res.body.pagination.total).toBeUndefined();
      cursor = res.body.pagination.nextCursor;
    }
    const all = (
      await t.api.get(`${s.url}/products?sort=${sort}&order=desc&limit=100`).set(s.auth).expect(200)
    ).body.data.map((p: { name: string }) => p.name);
    expect(seen).toEqual(all);
    expect(seen).toHaveLength(7);
  }
  await t.api.get(`${s.url}/products?cursor=bm90LWEtY3Vyc29y`).set(s.auth).expect(400);
  const byPrice = await t.api.get(`${s.url}/products?sort=price&limit=2`).set(s.auth).expect(200);
  const reused = await t.api
    .get(`${s.url}/products?sort=name&cursor=${byPrice.body.pagination.nextCursor}`)
    .set(s.auth)
    .expect(400);
  expect(reused.body.error.details[0].field).toBe('cursor');
  await t.api
    .get(`${s.url}/products?sort=price&order=desc&cursor=${byPrice.body.pagination.nextCursor}`)
    .set(s.auth)
    .expect(400);
  // Orderings a cursor cannot continue (cost, expiry, search relevance) hand none out.
  for (const query of ['sort=cost', 'sort=expiresAt', 'search=item']) {
    const res = await t.api.get(`${s.url}/products?${query}&limit=2`).set(s.auth).expect(200);
    expect(res.body.pagination).toEqual(
      expect.objectContaining({ hasNext: true, nextCursor: null }),
    );
  }
  await t.api
    .get(`${s.url}/products?cursor=${Buffer.from('["x","not-uuid"]').toString('base64url')}`)
    .set(s.auth)
    .expect(400);
  await t.api
    .get(
      `${s.url}/products?sort=createdAt&cursor=${Buffer.from('["yesterday","00000000-0000-4000-8000-000000000000"]').toString('base64url')}`,
    )
    .set(s.auth)
    .expect(400);
});

test('barcode lookup finds the product, 404 for an unknown code, 400 for a malformed one', async () => {
  const s = await storeWithMember(t);
  const barcode = nextEan13();
  const p = (await create(s, { name: 'Batteries AA', price: 5, barcode }).expect(201)).body.data;
  const res = await t.api
    .get(`${s.url}/products/lookup?barcode=${barcode}`)
    .set(s.auth)
    .expect(200);
  expect(res.body.data.id).toBe(p.id);
  await t.api.get(`${s.url}/products/lookup?barcode=${nextEan13()}`).set(s.auth).expect(404);
  await t.api.get(`${s.url}/products/lookup?barcode=036000291453`).set(s.auth).expect(400);
  await t.api.get(`${s.url}/products/lookup`).set(s.auth).expect(400);
  const other = await storeWithMember(t);
  await t.api.get(`${other.url}/products/lookup?barcode=${barcode}`).set(other.auth).expect(404);
});

test('roles and tenancy on products: viewers read, employees write but not delete, other stores see 404', async () => {
  const s = await storeWithMember(t);
  const p = (await create(s, { name: 'Hammer', price: 12 }).expect(201)).body.data;
  const viewer = await memberOf(t, s.storeId, 'viewer');
  const employee = await memberOf(t, s.storeId, 'employee');
  await t.api.get(`${s.url}/products/${p.id}`).set(viewer.auth).expect(200);
  await t.api.post(`${s.url}/products`).set(viewer.auth).send({ name: 'X', price: 1 }).expect(403);
  await t.api.patch(`${s.url}/products/${p.id}`).set(viewer.auth).send({ price: 1 }).expect(403);
  await t.api.patch(`${s.url}/products/${p.id}`).set(employee.auth).send({ price: 13 }).expect(200);
  await t.api.delete(`${s.url}/products/${p.id}`).set(employee.auth).expect(403);
  const other = await storeWithMember(t);
  for (const path of ['', '/movements', '/history']) {
    await t.api.get(`${other.url}/products/${p.id}${path}`).set(other.auth).expect(404);
  }
  await t.api.patch(`${other.url}/products/${p.id}`).set(other.auth).send({ price: 0 }).expect(404);
  await t.api.delete(`${other.url}/products/${p.id}`).set(other.auth).expect(404);
  await t.api.get(`${s.url}/products`).set(other.auth).expect(403);
  await t.api.delete(`${s.url}/products/${p.id}`).set(s.auth).expect(204);
  await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(404);
});

test('a product that has been sold cannot be deleted (409), so its sales keep their lines', async () => {
  const s = await storeWithMember(t);
  const sold = (await create(s, { name: 'Kettle', price: 30, initialQuantity: 5 }).expect(201)).body
    .data;
  const sale = (await postSale(s, { items: [{ productId: sold.id, quantity: 2 }] }).expect(201))
    .body.data;
  const refused = await t.api.delete(`${s.url}/products/${sold.id}`).set(s.auth).expect(409);
  expect(refused.body.error).toEqual(
    expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/deactivate/) }),
  );
  const after = await t.api.get(`${s.url}/products/${sold.id}`).set(s.auth).expect(200);
  expect(after.body.data.quantity).toBe(3);
  const kept = await t.api.get(`${s.url}/sales/${sale.id}`).set(s.auth).expect(200);
  expect(kept.body.data.items).toHaveLength(1);
  const movements = await t.api.get(`${s.url}/products/${sold.id}/movements`).set(s.auth);
  expect(movements.body.data).toHaveLength(2);

  // Retiring it is the way out; a product never sold still deletes with its movements.
  await t.api.patch(`${s.url}/products/${sold.id}`).set(s.auth).send({ active: false }).expect(200);
  const unsold = (await create(s, { name: 'Spare', price: 1, initialQuantity: 4 }).expect(201)).body
    .data;
  await t.api.delete(`${s.url}/products/${unsold.id}`).set(s.auth).expect(204);
});

test('when a search matches more than 1,000 products, then the total stops at 1,000 and says so, and a field sort still pages past it', async () => {
  const s = await storeWithMember(t);
  await t.db.pool.query(
    `INSERT INTO products (store_id, sku, name, price)
     SELECT $1, 'BULK-' || i, 'Bulk Rice ' || lpad(i::text, 4, '0'), 1 FROM generate_series(1, 1205) i`,
    [s.storeId],
  );
  await t.db.pool.query(
    `INSERT INTO products (store_id, sku, name, price) VALUES ($1, 'X-1', 'Basmati', 2)`,
    [s.storeId],
  );
  const list = (qs: string) => t.api.get(`${s.url}/products?${qs}`).set(s.auth).expect(200);
  const ranked = await list('search=rice&limit=100');
  expect(ranked.body.pagination).toEqual(
    expect.objectContaining({ total: 1000, totalCapped: true, totalPages: 10, hasNext: true }),
  );
  expect(ranked.body.data).toHaveLength(100);

  const byName = await list('search=rice&sort=name&limit=100&page=11');
  expect(byName.body.pagination).toEqual(
    expect.objectContaining({ totalCapped: true, hasNext: true }),
  );
  expect(byName.body.data[0].name).toBe('Bulk Rice 1001');
  const last = await list('search=rice&sort=name&limit=100&page=13');
  expect(last.body.data.map((p: { name: string }) => p.name)).toEqual(
    Array.from({ length: 5 }, (_, i) => `Bulk Rice ${1201 + i}`),
  );
  expect(last.body.pagination.hasNext).toBe(false);

  const few = await list('search=basmati');
  expect(few.body.pagination).toEqual(expect.objectContaining({ total: 1 }));
  expect(few.body.pagination).not.toHaveProperty('totalCapped');
});

test('when a PUT leaves fields out, then 400 naming each and pointing to PATCH, and nothing changes', async () => {
  const s = await storeWithMember(t, 'manager');
  const p = (
    await create(s, { name: 'Soap', price: 2, brand: 'Acme', reorderPoint: 3 }).expect(201)
  ).body.data;
  const res = await t.api
    .put(`${s.url}/products/${p.id}`)
    .set(s.auth)
    .send({ name: 'Hand Soap', price: 2.25 })
    .expect(400);
  expect(res.body.error.code).toBe('VALIDATION_ERROR');
  expect(res.body.error.message).toMatch(/PATCH/);
  const missing = res.body.error.details.map((d: { field: string }) => d.field).sort();
  expect(missing).toEqual(
    [
      'sku',
      'barcode',
      'description',
      'categoryId',
      'supplierId',
      'brand',
      'department',
      'unit',
      'packSize',
      'cost',
      'reorderPoint',
      'reorderQuantity',
      'location',
      'expiresAt',
      'active',
    ].sort(),
  );
  const after = (await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200)).body.data;
  expect(after).toEqual(expect.objectContaining({ name: 'Soap', brand: 'Acme', reorderPoint: 3 }));
  // The whole product with one field left out names just that one.
  const { brand: _brand, ...allButBrand } = wholeProductBody(after);
  const one = await t.api
    .put(`${s.url}/products/${p.id}`)
    .set(s.auth)
    .send(allButBrand)
    .expect(400);
  expect(one.body.error.details).toEqual([
    expect.objectContaining({ field: 'brand', code: 'required' }),
  ]);
});

test('when another store PUTs a whole product, then 404; a viewer 403', async () => {
  const s = await storeWithMember(t, 'manager');
  const p = (await create(s, { name: 'Soap', price: 2 }).expect(201)).body.data;
  const other = await storeWithMember(t, 'manager');
  await t.api
    .put(`${other.url}/products/${p.id}`)
    .set(other.auth)
    .send(wholeProductBody(p))
    .expect(404);
  const viewer = await memberOf(t, s.storeId, 'viewer');
  await t.api
    .put(`${s.url}/products/${p.id}`)
    .set(viewer.auth)
    .send(wholeProductBody(p))
    .expect(403);
});
