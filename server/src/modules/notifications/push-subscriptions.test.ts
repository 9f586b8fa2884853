import { randomUUID } from 'node:crypto';
import webpush from 'web-push';
import { buildTestApp, type TestApp } from '../../test/app';
import { createUser, storeWithMember, type StoreMember } from '../../test/factories';
import { fakeBrowser } from '../../test/push-endpoint';

/*
 * The caller's push subscriptions: strict validation of what a browser sends, each user's
 * own only, and what the API says when Web Push is off.
 */
const vapid = webpush.generateVAPIDKeys();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
  });
});
afterAll(() => t.close());

const endpoint = () => `https://push.example.com/send/${randomUUID()}`;
const rows = async () =>
  (
    await t.db.pool.query<{ user_id: string; endpoint: string }>(
      'SELECT user_id, endpoint FROM push_subscriptions ORDER BY created_at',
    )
  ).rows;
const post = (s: StoreMember, body: unknown) =>
  s.api
    .post('/api/v1/me/push-subscriptions')
    .set(s.auth)
    .send(body as object);

test('when a signed-in user asks, then the public key to subscribe with', async () => {
  const s = await storeWithMember(t, 'viewer');
  const res = await s.api.get('/api/v1/me/web-push').set(s.auth).expect(200);
  expect(res.body.data).toEqual({ enabled: true, publicKey: vapid.publicKey, reason: null });
  await s.api.get('/api/v1/me/web-push').expect(401);
});

test('when a browser subscribes, then it is listed for its user only, without its endpoint', async () => {
  const a = await storeWithMember(t, 'employee');
  const b = await storeWithMember(t, 'employee');
  const url = endpoint();
  const created = await post(a, { ...fakeBrowser().subscription(url), label: 'Till tablet' })
    .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0')
    .expect(201);
  expect(created.body.data).toMatchObject({
    label: 'Till tablet',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0',
    service: 'push.example.com',
    failures: 0,
    lastUsedAt: null,
  });
  expect(JSON.stringify(created.body)).not.toContain(url);
  const mine = await a.api.get('/api/v1/me/push-subscriptions').set(a.auth).expect(200);
  expect(mine.body.data.map((d: { id: string }) => d.id)).toEqual([created.body.data.id]);
  const theirs = await b.api.get('/api/v1/me/push-subscriptions').set(b.auth).expect(200);
  expect(theirs.body.data).toEqual([]);

  // Another user can remove it neither by endpoint nor by id.
  await b.api
    .delete('/api/v1/me/push-subscriptions')
    .query({ endpoint: url })
    .set(b.auth)
    .expect(404);
  await b.api
    .delete(`/api/v1/me/push-subscriptions/${created.body.data.id}`)
    .set(b.auth)
    .expect(404);
  expect((await rows()).filter((r) => r.endpoint === url)).toEqual([
    { user_id: a.user.id, endpoint: url },
  ]);
  await a.api
    .delete(`/api/v1/me/push-subscriptions/${created.body.data.id}`)
    .set(a.auth)
    .expect(204);
  expect((await rows()).filter((r) => r.endpoint === url)).toEqual([]);
});

test('when another user subscribes the same endpoint (same browser, next person), then it becomes theirs', async () => {
  const a = await storeWithMember(t, 'employee');
  const b = await storeWithMember(t, 'employee');
  const url = endpoint();
  await post(a, fakeBrowser().subscription(url)).expect(201);
  await post(a, fakeBrowser().subscription(url)).expect(201); // again: still one
  await post(b, fakeBrowser().subscription(url)).expect(201);
  expect((await rows()).filter((r) => r.endpoint === url)).toEqual([
    { user_id: b.user.id, endpoint: url },
  ]);
  const listed = await a.api.get('/api/v1/me/push-subscriptions').set(a.auth).expect(200);
  expect(listed.body.data).toEqual([]);
});

test('when what the browser sends is not a usable subscription, then 400 naming the field, and nothing is stored', async () => {
  const s = await storeWithMember(t, 'employee');
  const good = fakeBrowser().subscription(endpoint());
  const notOnCurve = Buffer.alloc(65, 7);
  notOnCurve[0] = 4;
  const cases: [unknown, string][] = [
    [{ ...good, endpoint: good.endpoint.replace('https:', 'http:') }, 'endpoint'],
    [{ ...good, endpoint: 'not a url' }, 'endpoint'],
    [{ ...good, endpoint: `https://push.example.com/${'a'.repeat(2048)}` }, 'endpoint'],
    [{ ...good, endpoint: 'https://user:pw@push.example.com/x' }, 'endpoint'],
    [{ ...good, endpoint: 'https://169.254.169.254/latest/' }, 'endpoint'],
    [{ ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 80) } }, 'keys.p256dh'],
    [{ ...good, keys: { ...good.keys, p256dh: notOnCurve.toString('base64url') } }, 'keys.p256dh'],
    [
      { ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.replace(/.$/, '*') } },
      'keys.p256dh',
    ],
    [
      { ...good, keys: { ...good.keys, auth: Buffer.alloc(15).toString('base64url') } },
      'keys.auth',
    ],
    [{ ...good, keys: { ...good.keys, extra: 'x' } }, 'keys'],
    [{ ...good, keys: undefined }, 'keys'],
    [{ ...good, expirationTime: -1 }, 'expirationTime'],
    [{ ...good, label: 'x'.repeat(101) }, 'label'],
    [{ ...good, owner: 'someone' }, 'owner'],
  ];
  for (const [body, field] of cases) {
    const res = await post(s, body).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  }
  expect((await rows()).filter((r) => r.user_id === s.user.id)).toEqual([]);
  await s.api
    .post('/api/v1/me/push-subscriptions')
    .set(s.auth)
    .set('Content-Type', 'text/plain')
    .send('endpoint=x')
    .expect(415);
  await s.api.delete('/api/v1/me/push-subscriptions').set(s.auth).expect(400);
});

test('when a user subscribes more browsers than the limit, then the least recently used make room', async () => {
  const s = await storeWithMember(t, 'employee');
  const first = endpoint();
  await post(s, fakeBrowser().subscription(first)).expect(201);
  for (let i = 0; i < 20; i++) await post(s, fakeBrowser().subscription(endpoint())).expect(201);
  const mine = (await rows()).filter((r) => r.user_id === s.user.id);
  expect(mine).toHaveLength(20);
  expect(mine.map((r) => r.endpoint)).not.toContain(first);
});

describe('with Web Push off (no VAPID keys given)', () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await buildTestApp();
  });
  afterAll(() => off.close());

  test('then the API says so, refuses a subscription with 409, and health reports it', async () => {
    const user = await createUser(off.db.pool);
    const auth = { Authorization: `Bearer ${off.tokenFor(user.id)}` };
    const config = await off.api.get('/api/v1/me/web-push').set(auth).expect(200);
    expect(config.body.data).toEqual({
      enabled: false,
      publicKey: null,
      reason: expect.stringContaining('Web Push is off'),
    });
    const res = await off.api
      .post('/api/v1/me/push-subscriptions')
      .set(auth)
      .send(fakeBrowser().subscription(endpoint()))
      .expect(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
    const health = await off.api.get('/api/v1/health').expect(200);
    expect(health.body.data.checks.webPush).toEqual({
      status: 'off',
      reason: expect.stringContaining('Web Push is off'),
    });
  });
});
