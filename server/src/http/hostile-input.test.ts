import fc from 'fast-check';
import request from 'supertest';
import { formatMoney, MONEY_MAX, ON_HAND_MAX, TOTAL_MAX_CENTS, toCents } from '../core/limits';
import { buildTestApp, type TestApp } from '../test/app';
import { countRows, createProduct, storeWithMember, type StoreMember } from '../test/factories';
import { postAdjustment, postCount, postSale } from '../test/requests';
import { JSON_MAX_DEPTH } from './body';

let t: TestApp;
let s: StoreMember;
beforeAll(async () => {
  t = await buildTestApp();
  s = await storeWithMember(t, 'admin');
});
afterAll(() => t.close());

const count = (table: string) => countRows(t, table, s.storeId);

const nested = (depth: number, kind: 'array' | 'object') =>
  kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('bodies nested too deep', () => {
  test('when a body nests 10,000 levels deep, then 400 naming the limit, not a stack overflow', async () => {
    const res = await request(t.app)
      .post(`${s.url}/products`)
      .set(s.auth)
      .set('Content-Type', 'application/json')
      .send(`{"name":"x","price":1,"location":${nested(10_000, 'object')}}`)
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toContain(`${JSON_MAX_DEPTH} levels`);
    expect(await count('products')).toBe(0);
  });

  test('property: any body nested deeper than the limit is a 400, and no shallower body is refused for depth', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50_000 }),
        fc.constantFrom('array' as const, 'object' as const),
        async (depth, kind) => {
          const res = await request(t.app)
            .post(`${s.url}/categories`)
            .set(s.auth)
            .set('Content-Type', 'application/json')
            .send(
              `{"name":"deep","description":${JSON.stringify(nested(3, 'array'))},"x":${nested(depth, kind)}}`,
            );
          expect(res.status).toBe(400);
          const tooDeep = res.body.error.details.some(
            (d: { code: string }) => d.code === 'too_deep',
          );
          // The body itself is one level: the value at "x" adds `depth`.
          expect(tooDeep).toBe(depth + 1 > JSON_MAX_DEPTH);
        },
      ),
      { numRuns: 60 },
    );
    expect(await count('categories')).toBe(0);
  });
});

describe('text that PostgreSQL cannot store', () => {
  const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');
  const around = fc.string({ maxLength: 20 }).filter((x) => !/[\ud800-\udfff]/.test(x));

  test('property: a lone UTF-16 surrogate anywhere in a name is a 400 naming the field, and nothing is stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        around,
        loneSurrogate,
        around,
        fc.constantFrom('products', 'categories', 'suppliers'),
        async (before, half, after, resource) => {
          const name = `${before}${half}${after}`;
          const body = resource === 'products' ? { name, price: 1 } : { name };
          const res = await t.api.post(`${s.url}/${resource}`).set(s.auth).send(body);
          expect(res.status).toBe(400);
          expect(res.body.error.details).toEqual([
            expect.objectContaining({ field: 'name', code: 'invalid_string' }),
          ]);
        },
      ),
      { numRuns: 40 },
    );
    expect(await count('products')).toBe(0);
    expect(await count('categories')).toBe(0);
    expect(await count('suppliers')).toBe(0);
  });

  test('when a surrogate pair is whole (an emoji), then it is stored as sent', async () => {
    const res = await t.api
      .post(`${s.url}/categories`)
      .set(s.auth)
      .send({ name: 'Fruit 🍓' })
      .expect(201);
    expect(res.body.data.name).toBe('Fruit 🍓');
  });

  test('when a path or a query does not decode, then 400, not 500', async () => {
    for (const path of [
      `/api/v1/stores/%ED%A0%80`,
      `/api/v1/stores/%ZZ`,
      `${s.url}/products/%E0%A4%A`,
    ]) {
      const res = await request(t.app).get(path).set(s.auth);
      expect(res.status).toBe(400);
      expect(res.body.success).toBe(false);
    }
    // Undecodable query bytes become U+FFFD: a search for a character no product has.
    const q = await request(t.app).get(`${s.url}/products?search=%ED%A0%80`).set(s.auth);
    expect(q.status).toBe(200);
    expect(q.body.data).toEqual([]);
  });
});

describe('money and quantities beyond their columns', () => {
  test('when 101 units of the highest price are sold, then 400 naming the line, and no sale or stock change', async () => {
    const p = await createProduct(s, { name: 'Gold bar', price: MONEY_MAX, initialQuantity: 500 });
    const res = await postSale(s, { items: [{ productId: p.id, quantity: 101 }] }).expect(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ field: 'items.0.quantity', code: 'too_big' }),
    ]);
    expect(res.body.error.details[0].message).toContain(formatMoney(TOTAL_MAX_CENTS));
    expect(await count('sales')).toBe(0);
    const after = await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
    expect(after.body.data.quantity).toBe(500);
  });

  test('property: a sale is recorded exactly when every line and the total fit numeric(14,2); otherwise a 400, never a 500', async () => {
    const p = await createProduct(s, { name: 'Anything', price: 1, initialQuantity: 0 });
    await postCount(s, p.id, { countedQuantity: ON_HAND_MAX }).expect(201);
    const cents = fc.integer({ min: 0, max: Number(toCents(MONEY_MAX)) });
    const line = fc.record({ quantity: fc.integer({ min: 1, max: 100_000 }), cents });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 3 }), async (lines) => {
        const before = await count('sales');
        const res = await postSale(s, {
          items: lines.map((l) => ({
            productId: p.id,
            quantity: l.quantity,
            unitPrice: l.cents / 100,
          })),
        });
        const totals = lines.map((l) => BigInt(l.quantity) * BigInt(l.cents));
        const fits =
          totals.every((x) => x <= TOTAL_MAX_CENTS) &&
          totals.reduce((a, b) => a + b, 0n) <= TOTAL_MAX_CENTS;
        expect(res.status).toBe(fits ? 201 : 400);
        expect(await count('sales')).toBe(before + (fits ? 1 : 0));
      }),
      { numRuns: 40 },
    );
  });

  test('property: stock never passes the most a product holds; an adjustment past it is a 400 naming delta', async () => {
    const p = await createProduct(s, { name: 'Sand (grains)', price: 0.01, initialQuantity: 0 });
    await postCount(s, p.id, { countedQuantity: ON_HAND_MAX - 2_000_000 }).expect(201);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (delta) => {
        const before = (await t.api.get(`${s.url}/products/${p.id}`).set(s.auth)).body.data
          .quantity;
        const res = await postAdjustment(s, p.id, { delta, reason: 'return' });
        if (before + delta <= ON_HAND_MAX) {
          expect(res.status).toBe(201);
        } else {
          expect(res.status).toBe(400);
          expect(res.body.error.details[0]).toEqual(
            expect.objectContaining({ field: 'delta', code: 'too_big' }),
          );
        }
      }),
      { numRuns: 30 },
    );
    const { rows } = await t.db.pool.query(
      `SELECT p.quantity, (SELECT sum(delta) FROM stock_movements m WHERE m.product_id = p.id)::bigint AS ledger
       FROM products p WHERE id = $1`,
      [p.id],
    );
    expect(rows[0].quantity).toBeLessThanOrEqual(ON_HAND_MAX);
    expect(rows[0].ledger).toBe(rows[0].quantity);
  });
});

describe('tokens of users that do not exist', () => {
  test('property: a correctly signed token for any unknown user id is a 401 on every kind of route, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uuid({ version: 4 }), async (userId) => {
        const auth = { Authorization: `Bearer ${t.tokenFor(userId)}` };
        for (const res of [
          await t.api.post('/api/v1/stores').set(auth).send({ name: 'Nobody' }),
          await t.api.get(`${s.url}/products`).set(auth),
          await t.api.get('/api/v1/auth/me').set(auth),
        ]) {
          expect(res.status).toBe(401);
        }
      }),
      { numRuns: 25 },
    );
  });
});
