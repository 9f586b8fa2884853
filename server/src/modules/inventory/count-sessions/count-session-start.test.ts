import { useTestApp } from '../../../test/app';
import { aisleStore as storeOf, start } from '../../../test/count-sessions';
import { createCategory, createProduct, storeWithMember } from '../../../test/factories';

const t = useTestApp();
const aisleStore = () => storeOf(t);

test('when a count is started by category, then only that category is counted', async () => {
  const { admin, manager } = await aisleStore();
  const dairy = await createCategory(admin, { name: 'Dairy' });
  const butter = await createProduct(admin, {
    name: 'Butter',
    categoryId: dairy.id,
    initialQuantity: 3,
  });
  const res = await start(manager, { scope: 'category', categoryId: dairy.id }).expect(201);
  expect(res.body.data.scopeLabel).toBe('Category Dairy');
  expect(res.body.data.lines.map((l: { productId: string }) => l.productId)).toEqual([butter.id]);
});

test('when two counts of the whole store start at once, then each product lands in exactly one of them', async () => {
  const { manager } = await aisleStore();
  const [a, b] = await Promise.all([
    start(manager, { scope: 'store' }),
    start(manager, { scope: 'store' }),
  ]);
  expect([a.status, b.status].sort()).toEqual([201, 400]);
  const { rows } = await t.db.pool.query(
    'SELECT product_id, count(*)::int AS n FROM count_session_lines WHERE store_id = $1 GROUP BY product_id',
    [manager.storeId],
  );
  expect(rows).toHaveLength(3);
  expect(rows.every((r) => r.n === 1)).toBe(true);
});

test('when a start is retried with its Idempotency-Key, then the same count answers and no second one exists', async () => {
  const { manager } = await aisleStore();
  const first = await start(manager, { scope: 'aisle', aisle: '3' }, 'start-1').expect(201);
  const again = await start(manager, { scope: 'aisle', aisle: '3' }, 'start-1').expect(201);
  expect(again.body.data.id).toBe(first.body.data.id);
  const list = await manager.api.get(`${manager.url}/count-sessions`).set(manager.auth).expect(200);
  expect(list.body.pagination.total).toBe(1);
});

test('when a scope has more products than a count takes, then 400 on scope and nothing is started', async () => {
  const manager = await storeWithMember(t, 'manager');
  // Rows made directly: 5,001 products through the API would take minutes. Nothing on hand.
  await t.db.pool.query(
    `INSERT INTO products (store_id, sku, name, price)
     SELECT $1, 'BULK-' || g, 'Bulk ' || g, 1 FROM generate_series(1, 5001) g`,
    [manager.storeId],
  );
  const res = await start(manager, { scope: 'store' }).expect(400);
  expect(res.body.error.details[0]).toEqual(
    expect.objectContaining({ field: 'scope', message: expect.stringMatching(/at most 5,000/) }),
  );
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM count_session_lines WHERE store_id = $1',
    [manager.storeId],
  );
  expect(rows[0].n).toBe(0);
});

test.each([
  [{ scope: 'shelf' }, 'scope'],
  [{ scope: 'aisle' }, 'aisle'],
  [{ scope: 'store', aisle: '3' }, 'aisle'],
  [{ scope: 'category', categoryId: 'nope' }, 'categoryId'],
  [{ scope: 'aisle', aisle: '99' }, 'aisle'],
  [{ scope: 'store', blind: 'yes' }, 'blind'],
  [{ scope: 'store', extra: 1 }, 'extra'],
])(
  'when a count is started with %j, then 400 on %s and nothing is created',
  async (body, field) => {
    const { manager } = await aisleStore();
    const res = await start(manager, body).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM count_sessions WHERE store_id = $1',
      [manager.storeId],
    );
    expect(rows[0].n).toBe(0);
  },
);
