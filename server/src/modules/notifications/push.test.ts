import webpush from 'web-push';
import { buildTestApp, type TestApp } from '../../test/app';
import { fakeBrowser, startPushService, type FakeBrowser } from '../../test/push-endpoint';
import { createProduct, memberOf, storeWithMember, type StoreMember } from '../../test/factories';

/*
 * Web Push against a push service started here (https on localhost, its certificate trusted
 * through OUTBOUND_CA_FILE): the server encrypts for the browser's keys, and the test
 * decrypts what the push service received with them, as the browser would.
 */
const vapid = webpush.generateVAPIDKeys();
let push: Awaited<ReturnType<typeof startPushService>>;
let t: TestApp;

beforeAll(async () => {
  push = await startPushService();
  t = await buildTestApp({
    OUTBOX_POLL_MS: '50',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:ops@nimbus.test',
    OUTBOUND_ALLOW_PRIVATE: 'true',
    OUTBOUND_CA_FILE: push.caFile,
  });
  t.services.outboxPublisher.start();
});
afterAll(async () => {
  await t.close();
  await push.close();
});

async function subscribe(s: StoreMember, browser: FakeBrowser, name: string) {
  const res = await s.api
    .post('/api/v1/me/push-subscriptions')
    .set(s.auth)
    .send({ ...browser.subscription(push.endpoint(name)), label: name })
    .expect(201);
  return res.body.data.id as string;
}

async function alertsDelivered(s: StoreMember) {
  await s.api.post(`${s.url}/alerts/check`).set(s.auth).expect(200);
  t.services.outboxPublisher.poke();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM outbox_events WHERE store_id = $1 AND published_at IS NULL',
      [s.storeId],
    );
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error('timed out waiting for the events');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const subscriptionsOf = async (userId: string) =>
  (
    await t.db.pool.query<{ id: string; failures: number; last_used_at: Date | null }>(
      'SELECT id, failures, last_used_at FROM push_subscriptions WHERE user_id = $1',
      [userId],
    )
  ).rows;

test('when a product runs out, then each subscribed member gets one push they can decrypt: the product in the title, its page as url, high urgency', async () => {
  const manager = await storeWithMember(t, 'manager');
  const outsider = await storeWithMember(t, 'admin');
  const browser = fakeBrowser();
  const stranger = fakeBrowser();
  await subscribe(manager, browser, 'manager-phone');
  await subscribe(outsider, stranger, 'outsider-phone');
  const yeast = await createProduct(manager, { name: 'Yeast', initialQuantity: 0 });
  await alertsDelivered(manager);
  expect(push.to('manager-phone')).toEqual([]); // queued, not sent in the publisher
  await t.services.jobs.drain();

  const [request, ...more] = push.to('manager-phone');
  expect(more).toEqual([]);
  expect(request!.headers['content-encoding']).toBe('aes128gcm');
  expect(request!.headers.urgency).toBe('high');
  expect(Number(request!.headers.ttl)).toBeGreaterThan(0);
  // VAPID: signed for this push service's origin with the server's public key.
  const authorization = String(request!.headers.authorization);
  expect(authorization).toContain(`k=${vapid.publicKey}`);
  const jwt = /t=([^,\s]+)/.exec(authorization)![1]!;
  const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
  expect(claims).toMatchObject({ aud: push.origin, sub: 'mailto:ops@nimbus.test' });

  const { rows } = await t.db.pool.query('SELECT id FROM alerts WHERE store_id = $1', [
    manager.storeId,
  ]);
  expect(browser.read(request!.body)).toEqual({
    title: 'Yeast is out of stock',
    body: expect.any(String),
    url: `/stores/${manager.storeId}/products/${yeast.id}`,
    tag: `alert-${rows[0].id}`,
  });
  // The other store's admin hears nothing of this store; the subscription records its use.
  expect(push.to('outsider-phone')).toEqual([]);
  expect((await subscriptionsOf(manager.user.id))[0]!.last_used_at).toBeInstanceOf(Date);
});

test('when the push service answers 410, then the subscription is removed', async () => {
  const manager = await storeWithMember(t, 'manager');
  await subscribe(manager, fakeBrowser(), 'gone-phone');
  push.answer('gone-phone', 410);
  await createProduct(manager, { name: 'Flour', initialQuantity: 0 });
  await alertsDelivered(manager);
  await t.services.jobs.drain();

  expect(push.to('gone-phone')).toHaveLength(1);
  expect(await subscriptionsOf(manager.user.id)).toEqual([]);
});

test('when a member turned push off for the kind, then they get nothing while others do', async () => {
  const manager = await storeWithMember(t, 'manager');
  const employee = await memberOf(t, manager.storeId, 'employee');
  await employee.api
    .put('/api/v1/me/notification-preferences')
    .set(employee.auth)
    .send({ kinds: { out_of_stock: { push: false } } })
    .expect(200);
  await subscribe(manager, fakeBrowser(), 'on-phone');
  await subscribe(employee, fakeBrowser(), 'off-phone');
  await createProduct(manager, { name: 'Salt', initialQuantity: 0 });
  await alertsDelivered(manager);
  await t.services.jobs.drain();

  expect(push.to('on-phone')).toHaveLength(1);
  expect(push.to('off-phone')).toEqual([]);
  // The employee still has the notification in the app.
  const list = await employee.api.get('/api/v1/notifications').set(employee.auth).expect(200);
  expect(list.body.data.map((n: { title: string }) => n.title)).toEqual(['Salt is out of stock']);
});

test('when a browser unsubscribes, then it gets no more pushes', async () => {
  const manager = await storeWithMember(t, 'manager');
  await subscribe(manager, fakeBrowser(), 'left-phone');
  await manager.api
    .delete('/api/v1/me/push-subscriptions')
    .query({ endpoint: push.endpoint('left-phone') })
    .set(manager.auth)
    .expect(204);
  await createProduct(manager, { name: 'Sugar', initialQuantity: 0 });
  await alertsDelivered(manager);
  await t.services.jobs.drain();
  expect(push.to('left-phone')).toEqual([]);
});

test('when the push service answers 503, then the job is retried and the browser already served is not sent to twice', async () => {
  const manager = await storeWithMember(t, 'manager');
  const laptop = fakeBrowser();
  await subscribe(manager, fakeBrowser(), 'steady-phone');
  await subscribe(manager, laptop, 'busy-laptop');
  push.answer('busy-laptop', 503, 201);
  await createProduct(manager, { name: 'Rice', initialQuantity: 0 });
  await alertsDelivered(manager);
  await t.services.jobs.drain();
  expect(push.to('steady-phone')).toHaveLength(1);
  expect(push.to('busy-laptop')).toHaveLength(1);
  const { rows } = await t.db.pool.query(
    `SELECT id, status FROM jobs WHERE type = 'notifications.push' AND payload->>'userId' = $1`,
    [manager.user.id],
  );
  expect(rows).toEqual([{ id: expect.any(String), status: 'queued' }]);

  // pg-boss hands it back after its retry delay (seconds): drain until it has run.
  const deadline = Date.now() + 30_000;
  for (;;) {
    await t.services.jobs.drain();
    const job = await t.db.pool.query('SELECT status FROM jobs WHERE id = $1', [rows[0].id]);
    if (job.rows[0].status === 'succeeded') break;
    if (Date.now() > deadline) throw new Error(`job still ${job.rows[0].status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(push.to('steady-phone')).toHaveLength(1);
  const retried = push.to('busy-laptop');
  expect(retried).toHaveLength(2);
  expect(laptop.read(retried[1]!.body)).toMatchObject({ title: 'Rice is out of stock' });
  expect((await subscriptionsOf(manager.user.id)).map((s) => s.failures)).toEqual([0, 0]);
}, 45_000);

test('when the push service refuses with another 4xx, then the failure is counted and the subscription kept', async () => {
  const manager = await storeWithMember(t, 'manager');
  await subscribe(manager, fakeBrowser(), 'picky-phone');
  push.answer('picky-phone', 400);
  await createProduct(manager, { name: 'Oil', initialQuantity: 0 });
  await alertsDelivered(manager);
  await t.services.jobs.drain();
  expect(push.to('picky-phone')).toHaveLength(1);
  expect((await subscriptionsOf(manager.user.id)).map((s) => s.failures)).toEqual([1]);
});
