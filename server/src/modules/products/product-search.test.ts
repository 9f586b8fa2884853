import { useTestApp } from '../../test/app';
import {
  createProduct,
  memberOf,
  nextEan13,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { postSale } from '../../test/requests';

const t = useTestApp();

const search = (s: StoreMember, q: string, limit?: number) =>
  t.api
    .get(`${s.url}/products/search`)
    .query(limit === undefined ? { q } : { q, limit })
    .set(s.auth);
const names = (res: { body: { data: Array<{ name: string }> } }) =>
  res.body.data.map((h) => h.name);

describe('type-ahead search', () => {
  let s: StoreMember;
  let cola: { id: string; barcode: string; sku: string };
  beforeAll(async () => {
    s = await storeWithMember(t);
    cola = await createProduct(s, {
      name: 'Clearspring Cola 330 ml',
      sku: 'BEV-COLA-330',
      barcode: nextEan13(),
      brand: 'Clearspring',
      price: 1.2,
      initialQuantity: 40,
      reorderPoint: 5,
    });
    await createProduct(s, { name: 'Cola Zero 1.5 l', sku: 'BEV-CZ-15', price: 2 });
    await createProduct(s, { name: 'Colander 24 cm', sku: 'KIT-COL-24', price: 9 });
    await createProduct(s, { name: 'Dark Chocolate 70% 100 g', sku: 'SNA-DC-100', price: 2.5 });
    await createProduct(s, { name: 'Sourdough Loaf', sku: 'BAK-SD-1', price: 3.4, unit: 'loaf' });
    await createProduct(s, {
      name: 'Cola Bottles (retired)',
      sku: 'OLD-COLA',
      price: 1,
      active: false,
    });
  });

  test('when a barcode is scanned, then that product comes first, matched by barcode, with what the till needs', async () => {
    const res = await search(s, cola.barcode).expect(200);
    expect(res.body.data[0]).toEqual({
      id: cola.id,
      name: 'Clearspring Cola 330 ml',
      sku: 'BEV-COLA-330',
      barcode: cola.barcode,
      brand: 'Clearspring',
      unit: null,
      price: 1.2,
      quantity: 40,
      lowStock: false,
      image: null,
      match: 'barcode',
    });
  });

  test('when a SKU is typed in any case, then it is an exact hit before any name', async () => {
    const res = await search(s, 'bev-cola-330').expect(200);
    expect(res.body.data[0]).toEqual(expect.objectContaining({ id: cola.id, match: 'sku' }));
  });

  test('when part of a name is typed, then names starting with it come before names that contain the word, and inactive products never show', async () => {
    const res = await search(s, 'cola').expect(200);
    expect(names(res)).toEqual(['Cola Zero 1.5 l', 'Colander 24 cm', 'Clearspring Cola 330 ml']);
    expect(res.body.data.every((h: { match: string }) => h.match === 'name')).toBe(true);
  });

  test('when several word beginnings are typed, then products having all of them match, brand and SKU words included', async () => {
    expect(names(await search(s, 'dark choc').expect(200))).toEqual(['Dark Chocolate 70% 100 g']);
    expect(names(await search(s, 'choc 100').expect(200))).toEqual(['Dark Chocolate 70% 100 g']);
    expect(names(await search(s, 'clearspring').expect(200))).toEqual(['Clearspring Cola 330 ml']);
  });

  test('when a word is misspelt, then names with a word like it are offered as similar', async () => {
    const res = await search(s, 'sourdogh').expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ name: 'Sourdough Loaf', match: 'similar', unit: 'loaf' }),
    ]);
  });

  test('when a product is renamed, then a misspelling of its new word finds it', async () => {
    const p = await createProduct(s, { name: 'Rye Bread', price: 3 });
    expect((await search(s, 'bagete').expect(200)).body.data).toEqual([]);
    await t.api
      .patch(`${s.url}/products/${p.id}`)
      .set(s.auth)
      .send({ name: 'Rye Baguette' })
      .expect(200);
    expect((await search(s, 'bagete').expect(200)).body.data).toEqual([
      expect.objectContaining({ id: p.id, match: 'similar' }),
    ]);
  });

  test('when the text has LIKE wildcards or nothing matches, then they are plain characters and the answer is empty', async () => {
    expect((await search(s, '%').expect(200)).body.data).toEqual([]);
    expect(names(await search(s, '70%').expect(200))).toEqual(['Dark Chocolate 70% 100 g']);
    expect((await search(s, 'zzqx').expect(200)).body.data).toEqual([]);
  });

  test('when a limit is given, then at most that many come back', async () => {
    expect((await search(s, 'c', 2).expect(200)).body.data).toHaveLength(2);
  });

  test('when the text is empty or too long, or the limit out of range, then 400 naming the field', async () => {
    const empty = await search(s, '   ').expect(400);
    expect(empty.body.error.details).toEqual([
      expect.objectContaining({ field: 'q', message: 'type at least one character' }),
    ]);
    await search(s, 'x'.repeat(101)).expect(400);
    const limit = await search(s, 'cola', 21).expect(400);
    expect(limit.body.error.details[0].field).toBe('limit');
    await t.api.get(`${s.url}/products/search`).set(s.auth).expect(400);
  });

  test('when another store searches, then it never sees this store’s products; a non-member is refused', async () => {
    const other = await storeWithMember(t);
    expect((await search(other, 'cola').expect(200)).body.data).toEqual([]);
    expect((await search(other, cola.barcode).expect(200)).body.data).toEqual([]);
    const outsider = { ...other, url: s.url };
    await search(outsider, 'cola').expect(403);
    await t.api.get(`${s.url}/products/search?q=cola`).expect(401);
  });

  test('when a viewer searches, then it works (inventory:read is every role)', async () => {
    const viewer = await memberOf(t, s.storeId, 'viewer');
    expect(names(await search(viewer, 'sourdough').expect(200))).toEqual(['Sourdough Loaf']);
  });

  test('when stock changes, then the next search shows the new quantity', async () => {
    await search(s, 'clearspring').expect(200);
    await postSale(s, { items: [{ productId: cola.id, quantity: 3 }] }).expect(201);
    const res = await search(s, 'clearspring').expect(200);
    expect(res.body.data[0].quantity).toBe(37);
  });
});

describe('top sellers', () => {
  test('when products have sold, then the most units come first; unsold and inactive products are left out', async () => {
    const s = await storeWithMember(t);
    const bread = await createProduct(s, { name: 'Bread', price: 2, initialQuantity: 50 });
    const milk = await createProduct(s, { name: 'Milk', price: 1, initialQuantity: 50 });
    const gone = await createProduct(s, { name: 'Gone', price: 1, initialQuantity: 50 });
    await createProduct(s, { name: 'Unsold', price: 1, initialQuantity: 50 });
    await postSale(s, { items: [{ productId: bread.id, quantity: 2 }] }).expect(201);
    await postSale(s, {
      items: [
        { productId: milk.id, quantity: 5 },
        { productId: gone.id, quantity: 9 },
      ],
    }).expect(201);
    await t.api
      .patch(`${s.url}/products/${gone.id}`)
      .set(s.auth)
      .send({ active: false })
      .expect(200);

    const res = await t.api.get(`${s.url}/products/top-sellers`).set(s.auth).expect(200);
    expect(
      res.body.data.map((p: { name: string; unitsSold: number }) => [p.name, p.unitsSold]),
    ).toEqual([
      ['Milk', 5],
      ['Bread', 2],
    ]);
    expect(res.body.data[0]).toEqual(
      expect.objectContaining({ id: milk.id, quantity: 45, price: 1 }),
    );

    const one = await t.api.get(`${s.url}/products/top-sellers?limit=1`).set(s.auth).expect(200);
    expect(one.body.data).toHaveLength(1);
    await t.api.get(`${s.url}/products/top-sellers?limit=0`).set(s.auth).expect(400);
    await t.api.get(`${s.url}/products/top-sellers?days=7`).set(s.auth).expect(400);
    const fresh = await storeWithMember(t);
    expect(
      (await t.api.get(`${fresh.url}/products/top-sellers`).set(fresh.auth).expect(200)).body.data,
    ).toEqual([]);
  });
});
