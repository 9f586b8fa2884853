import express, { Router } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { buildTestApp, type TestApp } from '../test/app';
import { storeWithMember, type StoreMember } from '../test/factories';
import { uploadProducts } from '../test/requests';
import { jsonBody } from './body';
import { errorHandler } from './error-handler';
import { createGuards } from './guards';
import { createHeavy } from './heavy';
import { idempotency } from './idempotency';
import { requestId } from './request-id';
import { routes } from './route';

/*
 * An idempotent route's answer is stored in the transaction of its change, through the hook
 * the route helper hangs on `ctx` and the store writer runs before COMMIT. A handler whose
 * service makes the change without the route's ctx (a copy, another object, no store writer)
 * would have its answer stored only after the response, not atomically with the change: the
 * route helper refuses it, loudly in development and tests.
 */

let t: TestApp;
let s: StoreMember;
const reported: string[] = [];

/** The real route helper, guards and key claim over the test app's services. */
function appWith(programmingError: (message: string) => void) {
  const guards = createGuards({
    authenticate: (token) => t.services.auth.authenticate(token),
    findRole: t.services.members.findRole,
    assertUser: (userId) => t.services.auth.assertUser(userId),
  });
  const store = Router({ mergeParams: true });
  store.use(guards.requireAuth);
  const r = routes(
    store,
    {
      guards,
      idempotency: idempotency(t.db.pool),
      heavy: createHeavy({ perStore: 1, total: 1, queueMs: 0 }, (_req, _res, next) => next()),
      programmingError,
    },
    '/api/v1/stores/:storeId',
  );
  const body = z.object({ name: z.string() });
  const opts = { permission: 'inventory:write', body, idempotent: 201 } as const;
  // Forgets: the change is made with a copy of ctx, which carries no hook.
  r.store('post', '/forgets', opts, ({ ctx, body }) =>
    t.services.categories.create({ ...ctx }, body),
  );
  r.store('post', '/keeps', opts, ({ ctx, body }) => t.services.categories.create(ctx, body));
  const app = express();
  app.use(requestId, jsonBody);
  app.use('/api/v1/stores/:storeId', store);
  app.use(errorHandler(t.services.log));
  return app;
}

beforeAll(async () => {
  t = await buildTestApp();
  s = await storeWithMember(t, 'manager');
});
afterAll(() => t.close());

const post = (app: express.Express, path: string, name: string, key: string) =>
  request(app).post(`${s.url}${path}`).set(s.auth).set('Idempotency-Key', key).send({ name });

const categoriesNamed = async (name: string) =>
  (
    await t.db.pool.query(
      'SELECT count(*)::int AS n FROM categories WHERE store_id = $1 AND name = $2',
      [s.storeId, name],
    )
  ).rows[0].n;

test('when an idempotent handler makes its change without the route ctx, then in development and tests the request fails naming the route and the fix', async () => {
  const app = appWith((message) => {
    throw new Error(message);
  });
  const res = await post(app, '/forgets', 'Forgotten', 'forgets-1').expect(500);
  expect(res.body.error.code).toBe('INTERNAL_ERROR');
  const logged = t.logs.find((l) =>
    /POST \/api\/v1\/stores\/:storeId\/forgets takes an Idempotency-Key/.test(JSON.stringify(l)),
  );
  expect(JSON.stringify(logged)).toContain('write(ctx, ...)');
  // The key was freed, as after any 5xx; the change itself did commit, which is the danger.
  const { rows } = await t.db.pool.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [
    'forgets-1',
  ]);
  expect(rows).toEqual([]);
  expect(await categoriesNamed('Forgotten')).toBe(1);
});

test('when the handler hands ctx to its service, then the answer is stored with the change and replayed, with no report', async () => {
  const app = appWith((message) => reported.push(message));
  const first = await post(app, '/keeps', 'Kept', 'keeps-1').expect(201);
  const again = await post(app, '/keeps', 'Kept', 'keeps-1').expect(201);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body).toEqual(first.body);
  expect(await categoriesNamed('Kept')).toBe(1);
  expect(reported).toEqual([]);
});

test('in production the unstored answer is logged and still stored after the response', async () => {
  const app = appWith((message) => reported.push(message));
  const first = await post(app, '/forgets', 'Logged', 'forgets-2').expect(201);
  expect(reported).toEqual([expect.stringContaining('/forgets takes an Idempotency-Key')]);
  let again;
  // The fallback stores the answer once the response has finished.
  for (let i = 0; i < 50; i++) {
    again = await post(app, '/forgets', 'Logged', 'forgets-2');
    if (again.headers['idempotent-replayed']) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(again!.headers['idempotent-replayed']).toBe('true');
  expect(again!.body).toEqual(first.body);
  expect(await categoriesNamed('Logged')).toBe(1);
});

test('a validate-only import, which changes nothing, may carry a key: it is answered and replayed, not refused', async () => {
  const csv = Buffer.from('sku,name,price\nVAL-1,Checked,1.50\n');
  const send = () =>
    uploadProducts(s, csv, 'p.csv', {
      fields: { validateOnly: 'true' },
      idempotencyKey: 'validate-1',
    });
  const first = await send().expect(200);
  expect(first.body.data).toEqual(expect.objectContaining({ validateOnly: true }));
  let again;
  for (let i = 0; i < 50; i++) {
    again = await send();
    if (again.headers['idempotent-replayed']) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(again!.status).toBe(200);
  expect(again!.body).toEqual(first.body);
  const { rows } = await t.db.pool.query('SELECT 1 FROM products WHERE store_id = $1', [s.storeId]);
  expect(rows).toEqual([]);
});
