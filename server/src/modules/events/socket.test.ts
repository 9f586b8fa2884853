import { randomUUID } from 'node:crypto';
import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember } from '../../test/factories';
import { authRequests } from '../../test/auth-requests';
import { postAdjustment, postSale } from '../../test/requests';
import { serveSockets, TestSocket, type SocketServer } from '../../test/sockets';
import { createAccessTokens } from '../auth/tokens';
import { TEST_JWT_SECRET } from '../../test/app';
import { CLOSE } from './socket.protocol';

const t = useTestApp();
let srv: SocketServer;
beforeAll(async () => {
  t.services.outboxPublisher.start();
  srv = await serveSockets(t);
});
afterAll(() => srv.close());

const bearer = (s: { auth: Record<string, string> }) => s.auth.Authorization!.slice(7);

test('two members of a store both receive a stock change a third makes through the API; another store and an unauthenticated socket get nothing', async () => {
  const admin = await storeWithMember(t, 'admin');
  const viewer = await memberOf(t, admin.storeId, 'viewer');
  const employee = await memberOf(t, admin.storeId, 'employee');
  const other = await storeWithMember(t, 'admin');
  const milk = await createProduct(admin, { name: 'Milk', initialQuantity: 10 });

  // Three ways to authenticate: a header, ?token= (never logged), a first message.
  const a = await TestSocket.open(srv.wsUrl, admin.auth);
  await a.next((m) => m.type === 'welcome');
  const b = await TestSocket.open(`${srv.wsUrl}?token=${bearer(viewer)}`);
  expect(await b.next((m) => m.type === 'welcome')).toEqual({
    type: 'welcome',
    userId: viewer.user.id,
    heartbeatMs: 30_000,
  });
  const outsider = await TestSocket.signedIn(srv.wsUrl, bearer(other));
  const anonymous = await TestSocket.open(srv.wsUrl);

  const subscribed = await a.subscribe(admin.storeId);
  expect(subscribed).toEqual({
    type: 'subscribed',
    storeId: admin.storeId,
    lastEventId: expect.stringMatching(/^\d+$/),
  });
  await b.subscribe(admin.storeId);
  expect(await outsider.subscribe(admin.storeId)).toEqual({
    type: 'error',
    code: 'FORBIDDEN',
    storeId: admin.storeId,
    message: expect.any(String),
  });
  await outsider.subscribe(other.storeId);
  anonymous.send({ type: 'subscribe', storeId: admin.storeId });
  expect(await anonymous.closed).toEqual({
    code: CLOSE.UNAUTHORIZED,
    reason: 'Authenticate first',
  });

  await postAdjustment(employee, milk.id, { delta: -3, reason: 'damaged' }).expect(201);
  const [got] = await a.eventsUntil(admin.storeId, 1);
  expect(got).toEqual({
    type: 'inventory.stock_updated',
    id: String(Number(subscribed.lastEventId) + 1),
    storeId: admin.storeId,
    payload: expect.objectContaining({ productId: milk.id, delta: -3, quantity: 7 }),
    timestamp: expect.any(String),
    // Who caused it (an API key's events name the key: api-keys.test.ts).
    actor: { type: 'user', id: employee.user.id },
  });
  expect(await b.eventsUntil(admin.storeId, 1)).toEqual([got]);
  // The same item, id and all, as the feed gives.
  const feed = await t.api.get(`${admin.url}/events`).set(admin.auth).expect(200);
  expect(feed.body.data.at(-1)).toEqual(got);

  // A later change of the outsider's own store reaches it; the first never did.
  await createProduct(other, { name: 'Tea' });
  await outsider.eventsUntil(other.storeId, 1);
  expect(outsider.events().map((e) => e.type)).toEqual(['product.created']);
  expect(anonymous.messages).toEqual([]);
  expect(t.logs.join('\n')).not.toContain(bearer(viewer));

  // Unsubscribed, a socket gets no more.
  await a.send({ type: 'unsubscribe', storeId: admin.storeId });
  await a.next((m) => m.type === 'unsubscribed');
  await postAdjustment(employee, milk.id, { delta: 1, reason: 'return' }).expect(201);
  await b.eventsUntil(admin.storeId, 2);
  expect(a.events()).toHaveLength(1);
  await Promise.all([a, b, outsider].map((s) => s.close()));
});

test('a change that rolls back is never announced', async () => {
  const s = await storeWithMember(t, 'admin');
  const p = await createProduct(s, { initialQuantity: 2 });
  const socket = await TestSocket.signedIn(srv.wsUrl, bearer(s));
  await socket.subscribe(s.storeId);
  await postSale(s, { items: [{ productId: p.id, quantity: 5 }] }).expect(409);
  await postAdjustment(s, p.id, { delta: 1, reason: 'return' }).expect(201);
  const events = await socket.eventsUntil(s.storeId, 1);
  expect(events.map((e) => [e.type, (e.payload as { delta: number }).delta])).toEqual([
    ['inventory.stock_updated', 1],
  ]);
  await socket.close();
});

test('a socket that reconnects with the last event id it saw gets exactly the events it missed, then live ones; one whose gap is gone is told to resync', async () => {
  const s = await storeWithMember(t, 'admin');
  const p = await createProduct(s, { initialQuantity: 0 });
  const first = await TestSocket.signedIn(srv.wsUrl, bearer(s));
  await first.subscribe(s.storeId);
  await postAdjustment(s, p.id, { delta: 1, reason: 'return' }).expect(201);
  const [seen] = await first.eventsUntil(s.storeId, 1);
  await first.close();

  for (const delta of [2, 3])
    await postAdjustment(s, p.id, { delta, reason: 'return' }).expect(201);
  const again = await TestSocket.signedIn(srv.wsUrl, bearer(s));
  const answer = await again.subscribe(s.storeId, seen!.id);
  expect(answer.lastEventId).toBe(String(Number(seen!.id) + 2));
  await postAdjustment(s, p.id, { delta: 4, reason: 'return' }).expect(201);
  const events = await again.eventsUntil(s.storeId, 3);
  expect(events.map((e) => (e.payload as { delta: number }).delta)).toEqual([2, 3, 4]);
  expect(events.map((e) => Number(e.id))).toEqual([1, 2, 3].map((n) => Number(seen!.id) + n));

  // Past the retention the events are deleted: a client from before must start over.
  await t.db.pool.query(
    "UPDATE outbox_events SET published_at = now() - interval '8 days' WHERE store_id = $1",
    [s.storeId],
  );
  await t.services.events.purgePublished();
  const late = await TestSocket.signedIn(srv.wsUrl, bearer(s));
  await late.subscribe(s.storeId, seen!.id);
  expect(await late.next((m) => m.type === 'resync')).toEqual({
    type: 'resync',
    storeId: s.storeId,
  });
  // So must one with an id the store never gave out.
  const before = late.messages.length;
  await late.subscribe(s.storeId, '999999999999');
  await late.next((m) => m.type === 'resync', before);
  expect(late.events()).toEqual([]);
  await Promise.all([again.close(), late.close()]);
});

test('bad messages are answered with VALIDATION_ERROR; an oversized one closes the socket', async () => {
  const s = await storeWithMember(t, 'viewer');
  const socket = await TestSocket.signedIn(srv.wsUrl, bearer(s));
  for (const bad of ['not json', { type: 'dance' }, { type: 'subscribe', storeId: 'x' }]) {
    const from = socket.messages.length;
    socket.send(bad);
    expect(await socket.next((m) => m.type === 'error', from)).toEqual({
      type: 'error',
      code: 'VALIDATION_ERROR',
      message: expect.any(String),
    });
  }
  expect(await socket.subscribe(randomUUID())).toMatchObject({ code: 'FORBIDDEN' });
  socket.send({ type: 'auth', token: 'x'.repeat(5000) });
  expect((await socket.closed).code).toBe(CLOSE.TOO_BIG);
});

test('a socket whose token expires without renewal is closed with 4001, a renewed one stays open; a removed member or a deleted store ends the subscription', async () => {
  const s = await storeWithMember(t, 'admin');
  const shortLived = createAccessTokens(TEST_JWT_SECRET, 1).sign(s.user.id, randomUUID()).token;
  const expiring = await TestSocket.signedIn(srv.wsUrl, shortLived);
  expect(await expiring.closed).toEqual({
    code: CLOSE.UNAUTHORIZED,
    reason: 'Access token expired',
  });
  // Renewed in time, it stays open past the first token's expiry.
  const renewed = await TestSocket.signedIn(
    srv.wsUrl,
    createAccessTokens(TEST_JWT_SECRET, 1).sign(s.user.id, randomUUID()).token,
  );
  const firstExpiry = Date.now() + 1000;
  renewed.send({ type: 'auth', token: bearer(s) });
  await renewed.next((m) => m.type === 'welcome', 1);
  await renewed.next(() => Date.now() > firstExpiry + 500);
  expect((await renewed.subscribe(s.storeId)).type).toBe('subscribed');
  // A token of someone else is no renewal.
  renewed.send({ type: 'auth', token: bearer(await storeWithMember(t, 'admin')) });
  expect(await renewed.closed).toEqual({
    code: CLOSE.UNAUTHORIZED,
    reason: 'A token of another user',
  });
  const bad = await TestSocket.open(srv.wsUrl, { Authorization: 'Bearer nonsense' });
  expect((await bad.closed).code).toBe(CLOSE.UNAUTHORIZED);

  const employee = await memberOf(t, s.storeId, 'employee');
  const socket = await TestSocket.signedIn(srv.wsUrl, bearer(employee));
  await socket.subscribe(s.storeId);
  await t.api.delete(`${s.url}/members/${employee.user.id}`).set(s.auth).expect(204);
  expect(await socket.next((m) => m.type === 'unsubscribed')).toEqual({
    type: 'unsubscribed',
    storeId: s.storeId,
    reason: 'membership_removed',
  });
  expect(await socket.subscribe(s.storeId)).toMatchObject({ code: 'FORBIDDEN' });
  await socket.close();

  // A deleted store ends every subscription to it.
  const viewer = await memberOf(t, s.storeId, 'viewer');
  const watching = await TestSocket.signedIn(srv.wsUrl, bearer(viewer));
  await watching.subscribe(s.storeId);
  await t.api.delete(s.url).set(s.auth).expect(204);
  expect(await watching.next((m) => m.type === 'unsubscribed')).toEqual({
    type: 'unsubscribed',
    storeId: s.storeId,
    reason: 'membership_removed',
  });
  await watching.close();
});

test('when a user signs out, then the sockets of that session close with 4001 at once, and the same user’s socket of another session stays open', async () => {
  const s = await storeWithMember(t, 'manager');
  const { login, logout } = authRequests(t);
  const phone = (await login(s.user.email).expect(200)).body.data;
  const laptop = (await login(s.user.email).expect(200)).body.data;
  const onPhone = await TestSocket.signedIn(srv.wsUrl, phone.accessToken);
  const onLaptop = await TestSocket.signedIn(srv.wsUrl, laptop.accessToken);
  await onPhone.subscribe(s.storeId);
  await onLaptop.subscribe(s.storeId);

  await logout(phone.refreshToken).expect(204);
  expect(await onPhone.closed).toEqual({
    code: CLOSE.UNAUTHORIZED,
    reason: 'Session ended: sign in again',
  });
  // The laptop's session goes on: it still hears the store.
  const product = await createProduct(s, { name: 'Tea', initialQuantity: 5 });
  await postAdjustment(s, product.id, { delta: 1, reason: 'return' }).expect(201);
  expect(
    await onLaptop.next((m) => m.type === 'inventory.stock_updated' && m.storeId === s.storeId),
  ).toMatchObject({ storeId: s.storeId });
  await onLaptop.close();
});
