import { useTestApp } from '../../test/app';
import { createCategory, storeWithMember, type StoreMember } from '../../test/factories';

const t = useTestApp();

/** `n` products named `<prefix> 0001…` in one statement; `low` of them at or under reorder point. */
async function bulk(
  s: StoreMember,
  prefix: string,
  n: number,
  opts: { category?: string; low?: number } = {},
) {
  await t.db.pool.query(
    `INSERT INTO products (store_id, sku, name, price, category_id, quantity, reorder_point)
     SELECT $1, $2 || '-' || i, $2 || ' ' || lpad(i::text, 4, '0'), 1, $4::uuid,
       CASE WHEN i <= $5 THEN 1 ELSE 50 END, 5
     FROM generate_series(1, $3::int) i`,
    [s.storeId, prefix, n, opts.category ?? null, opts.low ?? 0],
  );
}

const list = (s: StoreMember, qs: string) =>
  t.api.get(`${s.url}/products?${qs}`).set(s.auth).expect(200);

test('when a list matches more than 1,000 products, then its total stops at 1,000 and says so, and pages still go to the end', async () => {
  const s = await storeWithMember(t);
  const cat = await createCategory(s, { name: 'Rice' });
  await bulk(s, 'Rice', 1205, { category: cat.id });

  for (const qs of [
    'limit=100',
    `category=${cat.id}&limit=100`,
    'sort=price&order=desc&limit=100',
  ]) {
    const first = await list(s, qs);
    expect(first.body.pagination).toEqual(
      expect.objectContaining({
        page: 1,
        total: 1000,
        totalCapped: true,
        totalPages: 10,
        hasNext: true,
      }),
    );
    expect(first.body.data).toHaveLength(100);
  }
  // Past the capped total the extra row, not the total, says whether a page follows.
  const eleventh = await list(s, `category=${cat.id}&limit=100&page=11`);
  expect(eleventh.body.pagination).toEqual(
    expect.objectContaining({ totalCapped: true, hasNext: true }),
  );
  expect(eleventh.body.data[0].name).toBe('Rice 1001');
  const last = await list(s, `category=${cat.id}&limit=100&page=13`);
  expect(last.body.data.map((p: { name: string }) => p.name)).toEqual(
    Array.from({ length: 5 }, (_, i) => `Rice ${1201 + i}`),
  );
  expect(last.body.pagination.hasNext).toBe(false);
});

test('when a list matches 1,000 products or fewer, then its total is exact and not marked capped', async () => {
  const s = await storeWithMember(t);
  const cat = await createCategory(s, { name: 'Beans' });
  await bulk(s, 'Bean', 1000, { category: cat.id, low: 7 });
  await bulk(s, 'Loose', 3);

  const exact = await list(s, `category=${cat.id}&limit=50`);
  expect(exact.body.pagination).toEqual(
    expect.objectContaining({ total: 1000, totalPages: 20, hasNext: true }),
  );
  expect(exact.body.pagination).not.toHaveProperty('totalCapped');

  const low = await list(s, 'lowStock=true&sort=name');
  expect(low.body.pagination).toEqual(expect.objectContaining({ total: 7, totalPages: 1 }));
  expect(low.body.pagination).not.toHaveProperty('totalCapped');
  expect(low.body.data.map((p: { name: string }) => p.name)).toEqual(
    Array.from({ length: 7 }, (_, i) => `Bean 000${i + 1}`),
  );
  const all = await list(s, 'limit=10');
  expect(all.body.pagination).toEqual(expect.objectContaining({ total: 1000, totalCapped: true }));
});

test("when another store has more than 1,000 products, then a store's total counts only its own", async () => {
  const big = await storeWithMember(t);
  await bulk(big, 'Big', 1100);
  const small = await storeWithMember(t);
  await bulk(small, 'Small', 4);
  const res = await list(small, 'limit=2');
  expect(res.body.pagination).toEqual(
    expect.objectContaining({ total: 4, totalPages: 2, hasNext: true }),
  );
  expect(res.body.pagination).not.toHaveProperty('totalCapped');
  expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['Small 0001', 'Small 0002']);
});

test('when a list is read by cursor, then it carries no total at all, capped or not', async () => {
  const s = await storeWithMember(t);
  await bulk(s, 'Oat', 1003);
  const first = await list(s, 'sort=name&limit=100');
  expect(first.body.pagination).toEqual(
    expect.objectContaining({ totalCapped: true, hasNext: true }),
  );
  const next = await list(s, `sort=name&limit=100&cursor=${first.body.pagination.nextCursor}`);
  expect(next.body.pagination).toEqual({
    limit: 100,
    hasNext: true,
    nextCursor: expect.any(String),
  });
});
