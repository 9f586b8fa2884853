import { useTestApp } from '../../test/app';
import {
  createProduct,
  memberOf,
  outboxTypes,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { startReceiver, type Receiver } from '../../test/webhook-receiver';
import { verifySignature } from './signature';

/*
 * Outbound webhooks against a receiver started here on 127.0.0.1 (OUTBOUND_ALLOW_PRIVATE):
 * events become signed deliveries, in order per endpoint, retried with backoff, logged.
 * Backoff and timeouts are tiny so the test is quick; it waits on delivery states, not clocks.
 */
const t = useTestApp({
  OUTBOX_POLL_MS: '50',
  OUTBOUND_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_RETRY_MAX_MS: '100',
  WEBHOOK_MAX_FAILURES: '4',
  WEBHOOK_TIMEOUT_MS: '1500',
});
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  t.services.outboxPublisher.start();
});
afterAll(async () => {
  await t.services.outboxPublisher.stop();
  await receiver.close();
});

type Endpoint = { id: string; secret: string; enabled: boolean; events: string[] };

async function register(s: StoreMember, path: string, body: Record<string, unknown> = {}) {
  const res = await s.api
    .post(`${s.url}/webhooks`)
    .set(s.auth)
    .send({ url: receiver.url(path), ...body })
    .expect(201);
  return res.body.data as Endpoint;
}

const deliveriesOf = async (endpointId: string) =>
  (
    await t.db.pool.query<{ event_type: string; status: string; attempts: number; seq: number }>(
      'SELECT event_type, status, attempts, seq FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY seq',
      [endpointId],
    )
  ).rows;

/** Publishes the outbox and runs due jobs until `done` holds (or 15 s pass). */
async function until(done: () => Promise<boolean>) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    t.services.outboxPublisher.poke();
    await t.services.jobs.drain();
    if (await done()) return;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits for `done` without running anything (another wait is running the jobs). */
async function waitFor(done: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 15_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const settled = (endpointId: string, n: number) => async () => {
  const rows = await deliveriesOf(endpointId);
  return rows.length >= n && rows.every((r) => r.status === 'succeeded' || r.status === 'failed');
};

const adjust = (s: StoreMember, productId: string, delta: number) =>
  s.api
    .post(`${s.url}/products/${productId}/adjustments`)
    .set(s.auth)
    .send({ delta, reason: 'damaged' })
    .expect(201);

test('when stock changes, then the endpoint gets the event signed with its secret, and only the event types it asked for', async () => {
  const s = await storeWithMember(t, 'admin');
  const stockOnly = await register(s, '/stock', { events: ['inventory.stock_updated'] });
  const all = await register(s, '/all', { events: ['*'] });
  expect(stockOnly.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  expect(all.events).toEqual(['*']);

  const product = await createProduct(s, { initialQuantity: 10 });
  await adjust(s, product.id, -2);
  await until(settled(all.id, (await outboxTypes(t, s.storeId)).length));
  await until(settled(stockOnly.id, 2));

  const stock = receiver.at('/stock');
  expect(stock.map((r) => JSON.parse(r.body).type)).toEqual([
    'inventory.stock_updated',
    'inventory.stock_updated',
  ]);
  const last = stock[1]!;
  const body = JSON.parse(last.body);
  expect(body).toEqual({
    id: expect.any(String),
    type: 'inventory.stock_updated',
    storeId: s.storeId,
    timestamp: expect.any(String),
    payload: expect.objectContaining({ productId: product.id, delta: -2, quantity: 8 }),
    actor: { type: 'user', id: s.user.id },
  });
  expect(last.headers['content-type']).toBe('application/json');
  expect(last.headers['user-agent']).toBe('Nimbus-Webhooks/1');
  expect(last.headers['nimbus-event-type']).toBe('inventory.stock_updated');
  expect(last.headers['nimbus-event-id']).toBe(body.id);
  const signature = String(last.headers['nimbus-signature']);
  expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(verifySignature(signature, last.body, stockOnly.secret)).toBe(true);
  expect(verifySignature(signature, last.body, all.secret)).toBe(false);
  expect(verifySignature(signature, last.body.replace('-2', '-3'), stockOnly.secret)).toBe(false);
  // Outside the replay window the same signature is refused.
  expect(verifySignature(signature, last.body, stockOnly.secret, Date.now() + 6 * 60_000)).toBe(
    false,
  );
  // Every event of the store, in the outbox's (commit) order.
  const types = await outboxTypes(t, s.storeId);
  expect(types).toContain('product.created');
  expect(receiver.at('/all').map((r) => JSON.parse(r.body).type)).toEqual(types);

  // The log: status, code, timing, the answer's start.
  const log = await s.api
    .get(`${s.url}/webhooks/${stockOnly.id}/deliveries`)
    .set(s.auth)
    .expect(200);
  expect(log.body.data).toHaveLength(2);
  expect(log.body.data[0]).toEqual(
    expect.objectContaining({
      eventType: 'inventory.stock_updated',
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      durationMs: expect.any(Number),
      responseExcerpt: 'ok',
      deliveredAt: expect.any(String),
    }),
  );

  // Keyset pages, newest first.
  const first = await s.api
    .get(`${s.url}/webhooks/${all.id}/deliveries?limit=2`)
    .set(s.auth)
    .expect(200);
  expect(first.body.data).toHaveLength(2);
  const rest = await s.api
    .get(
      `${s.url}/webhooks/${all.id}/deliveries?limit=2&cursor=${first.body.pagination.nextCursor}`,
    )
    .set(s.auth)
    .expect(200);
  const paged = [...first.body.data, ...rest.body.data].map((d: { eventId: string }) => d.eventId);
  expect(paged).toEqual(
    receiver
      .at('/all')
      .map((r) => String(r.headers['nimbus-event-id']))
      .reverse(),
  );
  await s.api.get(`${s.url}/webhooks/${all.id}/deliveries?cursor=forged`).set(s.auth).expect(400);

  // The secret is kept encrypted: the table never holds it.
  const { rows } = await t.db.pool.query('SELECT * FROM webhook_endpoints WHERE store_id = $1', [
    s.storeId,
  ]);
  expect(JSON.stringify(rows)).not.toContain(stockOnly.secret.slice(6));
  const list = await s.api.get(`${s.url}/webhooks`).set(s.auth).expect(200);
  expect(JSON.stringify(list.body)).not.toContain('whsec_');
});

test('when the receiver fails three times (503 with Retry-After, 500, a dropped connection), then it still gets every event, in order, after the retries', async () => {
  const s = await storeWithMember(t, 'admin');
  receiver.script('/flaky', [
    { status: 503, headers: { 'retry-after': '1' } },
    { status: 500 },
    'drop',
    { status: 200 },
  ]);
  const e = await register(s, '/flaky', { events: ['inventory.stock_updated'] });
  const product = await createProduct(s, { initialQuantity: 10 });
  for (const delta of [-1, -2, -3]) await adjust(s, product.id, delta);
  await until(settled(e.id, 4));

  const got = receiver.at('/flaky');
  const deltas = got.map((r) => JSON.parse(r.body).payload.delta);
  // The first event four times (three failures), then the others in order, each once.
  expect(deltas).toEqual([10, 10, 10, 10, -1, -2, -3]);
  // Retry-After: 1 was honoured before the second attempt.
  expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(950);
  const rows = await deliveriesOf(e.id);
  expect(rows.map((r) => [r.status, r.attempts])).toEqual([
    ['succeeded', 4],
    ['succeeded', 1],
    ['succeeded', 1],
    ['succeeded', 1],
  ]);
  const after = await s.api.get(`${s.url}/webhooks/${e.id}`).set(s.auth).expect(200);
  expect(after.body.data).toEqual(
    expect.objectContaining({ enabled: true, consecutiveFailures: 0 }),
  );
});

test('when the receiver keeps failing, then the endpoint is disabled after the configured run and its admins are alerted; re-enabling resolves the alert', async () => {
  const s = await storeWithMember(t, 'admin');
  const manager = await memberOf(t, s.storeId, 'manager');
  receiver.script('/dead', [{ status: 502 }]);
  const e = await register(s, '/dead');
  await s.api.post(`${s.url}/webhooks/${e.id}/test`).set(s.auth).expect(202);
  await s.api.post(`${s.url}/webhooks/${e.id}/test`).set(s.auth).expect(202);
  await until(settled(e.id, 2));

  expect(receiver.at('/dead')).toHaveLength(4);
  const rows = await deliveriesOf(e.id);
  expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
  const got = await s.api.get(`${s.url}/webhooks/${e.id}`).set(s.auth).expect(200);
  expect(got.body.data).toEqual(
    expect.objectContaining({
      enabled: false,
      consecutiveFailures: 4,
      disabledReason: expect.stringContaining('4 failed attempts'),
    }),
  );
  const openAlerts = async () =>
    (await s.api.get(`${s.url}/alerts?kind=webhook_disabled`).set(s.auth).expect(200)).body.data;
  await waitFor(async () => (await openAlerts()).length === 1);
  expect(await openAlerts()).toEqual([
    expect.objectContaining({ kind: 'webhook_disabled', subject: { type: 'webhook', id: e.id } }),
  ]);
  await until(async () => {
    const n = await t.db.pool.query(
      `SELECT user_id FROM notifications WHERE store_id = $1 AND kind = 'webhook_disabled'`,
      [s.storeId],
    );
    return n.rows.length > 0;
  });
  const told = await t.db.pool.query(
    `SELECT user_id FROM notifications WHERE store_id = $1 AND kind = 'webhook_disabled'`,
    [s.storeId],
  );
  // The admin is told; the manager (who cannot manage webhooks) is not.
  expect(told.rows.map((r) => r.user_id)).toEqual([s.user.id]);
  expect(told.rows.map((r) => r.user_id)).not.toContain(manager.user.id);

  // Disabled: no delivery is queued for new events; a test or redelivery is refused.
  await s.api.post(`${s.url}/webhooks/${e.id}/test`).set(s.auth).expect(409);

  receiver.script('/dead', [{ status: 200 }]);
  await s.api.patch(`${s.url}/webhooks/${e.id}`).set(s.auth).send({ enabled: true }).expect(200);
  await waitFor(async () => (await openAlerts()).length === 0);

  // Redelivery of a failed delivery: the same event again, as a new delivery.
  const [failed] = (
    await s.api.get(`${s.url}/webhooks/${e.id}/deliveries?status=failed`).set(s.auth).expect(200)
  ).body.data;
  const again = await s.api
    .post(`${s.url}/webhooks/${e.id}/deliveries/${failed.id}/redeliver`)
    .set(s.auth)
    .expect(202);
  expect(again.body.data).toEqual(
    expect.objectContaining({
      eventId: failed.eventId,
      redeliveryOf: failed.id,
      status: 'pending',
    }),
  );
  await until(settled(e.id, 3));
  const last = receiver.at('/dead').at(-1)!;
  expect(last.headers['nimbus-event-id']).toBe(failed.eventId);
  expect(JSON.parse(last.body).type).toBe('webhook.test');
});

test('when the receiver answers a redirect (to the metadata address), then it is not followed: the delivery fails with the 3xx and is not retried', async () => {
  const s = await storeWithMember(t, 'admin');
  receiver.script('/redirect', [
    { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } },
  ]);
  const e = await register(s, '/redirect');
  await s.api.post(`${s.url}/webhooks/${e.id}/test`).set(s.auth).expect(202);
  await until(settled(e.id, 1));
  expect(receiver.at('/redirect')).toHaveLength(1);
  const rows = await deliveriesOf(e.id);
  expect(rows.map((r) => [r.status, r.attempts])).toEqual([['failed', 1]]);
  const log = await s.api.get(`${s.url}/webhooks/${e.id}/deliveries`).set(s.auth).expect(200);
  expect(log.body.data[0]).toEqual(
    expect.objectContaining({ responseStatus: 302, error: 'The receiver answered 302' }),
  );
});

test('when the secret is rotated, then deliveries carry both signatures during the overlap', async () => {
  const s = await storeWithMember(t, 'admin');
  const e = await register(s, '/rotate');
  const rotated = await s.api
    .post(`${s.url}/webhooks/${e.id}/rotate-secret`)
    .set(s.auth)
    .expect(200);
  const fresh = rotated.body.data.secret as string;
  expect(fresh).not.toBe(e.secret);
  expect(Date.parse(rotated.body.data.previousSecretExpiresAt)).toBeGreaterThan(
    Date.now() + 23 * 3_600_000,
  );
  await s.api.post(`${s.url}/webhooks/${e.id}/test`).set(s.auth).expect(202);
  await until(settled(e.id, 1));
  const [got] = receiver.at('/rotate');
  const signature = String(got!.headers['nimbus-signature']);
  expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
  expect(verifySignature(signature, got!.body, fresh)).toBe(true);
  expect(verifySignature(signature, got!.body, e.secret)).toBe(true);

  // After the overlap only the new secret signs.
  await t.db.pool.query(
    `UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`,
    [e.id],
  );
  await s.api.post(`${s.url}/webhooks/${e.id}/test`).set(s.auth).expect(202);
  await until(settled(e.id, 2));
  const second = receiver.at('/rotate')[1]!;
  const later = String(second.headers['nimbus-signature']);
  expect(later).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(verifySignature(later, second.body, fresh)).toBe(true);
  expect(verifySignature(later, second.body, e.secret)).toBe(false);
});

test('when the receiver never answers, then an API write still returns at once and the delivery times out in its job', async () => {
  const s = await storeWithMember(t, 'admin');
  receiver.script('/hang', ['hang', { status: 200 }]);
  const e = await register(s, '/hang', { events: ['inventory.stock_updated'] });
  const product = await createProduct(s, { initialQuantity: 5 });
  // Deliver in the background: the job waits on the receiver, which holds the first request.
  const delivering = until(settled(e.id, 3));
  await waitFor(() => receiver.at('/hang').length === 1);
  const started = Date.now();
  await adjust(s, product.id, -1);
  expect(Date.now() - started).toBeLessThan(1000);
  await adjust(s, product.id, -1);
  await delivering;
  const rows = await t.db.pool.query(
    'SELECT attempts, error FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY seq',
    [e.id],
  );
  expect(rows.rows[0]).toEqual({ attempts: 2, error: null });
  expect(rows.rows[1]).toEqual({ attempts: 1, error: null });
  // The first event again after its timeout, then the others in order.
  expect(receiver.at('/hang').map((r) => JSON.parse(r.body).payload.delta)).toEqual([5, 5, -1, -1]);
});

test('only people with settings:manage manage webhooks: API keys (even admin ones) and managers are refused; another store is 404; bad input is 400', async () => {
  const s = await storeWithMember(t, 'admin');
  const e = await register(s, '/mine');
  const key = await s.api
    .post(`${s.url}/api-keys`)
    .set(s.auth)
    .send({ name: 'Integrator', role: 'admin' })
    .expect(201);
  const asKey = { Authorization: `Bearer ${key.body.data.token}` };
  const refused = await s.api.get(`${s.url}/webhooks`).set(asKey).expect(403);
  expect(refused.body.error.details[0].code).toBe('api_key_not_allowed');
  await s.api
    .post(`${s.url}/webhooks`)
    .set(asKey)
    .send({ url: receiver.url('/k') })
    .expect(403);
  const manager = await memberOf(t, s.storeId, 'manager');
  await manager.api.get(`${s.url}/webhooks`).set(manager.auth).expect(403);

  const other = await storeWithMember(t, 'admin');
  await other.api.get(`${other.url}/webhooks/${e.id}`).set(other.auth).expect(404);
  await other.api.delete(`${other.url}/webhooks/${e.id}`).set(other.auth).expect(404);
  await other.api.post(`${other.url}/webhooks/${e.id}/test`).set(other.auth).expect(404);
  expect(
    (await other.api.get(`${other.url}/webhooks`).set(other.auth).expect(200)).body.data,
  ).toEqual([]);

  for (const body of [
    { url: 'ftp://example.com/x' },
    { url: 'not a url' },
    { url: receiver.url('/x'), events: ['no.such_event'] },
    { url: receiver.url('/x'), colour: 'red' },
    { url: 'http://169.254.169.254/latest/meta-data' },
  ]) {
    const res = await s.api.post(`${s.url}/webhooks`).set(s.auth).send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
  await s.api.get(`${s.url}/webhooks/${e.id}/deliveries?status=lost`).set(s.auth).expect(400);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM webhook_endpoints WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows[0].n).toBe(1);

  await s.api.delete(`${s.url}/webhooks/${e.id}`).set(s.auth).expect(204);
  await s.api.get(`${s.url}/webhooks/${e.id}`).set(s.auth).expect(404);
});

test('when an endpoint’s delivery job was lost, then the hourly cleanup queues it again and the delivery goes out', async () => {
  const s = await storeWithMember(t, 'admin');
  const e = await register(s, '/resumed');
  // A delivery queued 20 minutes ago whose job failed for good (none is queued now).
  await t.db.pool.query(
    `INSERT INTO webhook_deliveries (store_id, endpoint_id, event_id, event_type, payload, created_at)
     VALUES ($1, $2, 'lost-1', 'webhook.test', '{"type":"webhook.test"}', now() - interval '20 minutes')`,
    [s.storeId, e.id],
  );
  await t.services.webhooks.purgeDeliveries();
  await until(settled(e.id, 1));
  expect(receiver.at('/resumed').map((r) => r.headers['nimbus-event-id'])).toEqual(['lost-1']);
});
