import { useTestApp } from '../../test/app';
import { createProduct, storeWithMember, type StoreMember } from '../../test/factories';
import { postAdjustment } from '../../test/requests';
import { serveSockets, TestSocket, type SocketServer } from '../../test/sockets';
import { CLOSE } from '../events/socket.protocol';

/*
 * API keys on the WebSocket: a key authenticates on the upgrade, follows its own store only,
 * and its socket is closed soon after the key is revoked (it re-checks every keyRecheckMs).
 */
const t = useTestApp();
let srv: SocketServer;
beforeAll(async () => {
  t.services.outboxPublisher.start();
  srv = await serveSockets(t, { keyRecheckMs: 300 });
});
afterAll(() => srv.close());

async function keyOf(admin: StoreMember, role = 'viewer') {
  const res = await admin.api
    .post(`${admin.url}/api-keys`)
    .set(admin.auth)
    .send({ name: 'Socket', role })
    .expect(201);
  return res.body.data as { id: string; token: string };
}

test('a key’s socket receives its store’s events, named by who caused them, and not another store’s; revoking the key closes it', async () => {
  const admin = await storeWithMember(t, 'admin');
  const other = await storeWithMember(t, 'admin');
  const milk = await createProduct(admin, { name: 'Milk', initialQuantity: 10 });
  const bread = await createProduct(other, { name: 'Bread', initialQuantity: 10 });
  const key = await keyOf(admin);

  const socket = await TestSocket.open(srv.wsUrl, { Authorization: `Bearer ${key.token}` });
  expect(await socket.next((m) => m.type === 'welcome')).toEqual({
    type: 'welcome',
    userId: admin.user.id,
    apiKeyId: key.id,
    heartbeatMs: 30_000,
  });
  expect(await socket.subscribe(other.storeId)).toEqual({
    type: 'error',
    code: 'FORBIDDEN',
    storeId: other.storeId,
    message: expect.any(String),
  });
  expect(await socket.subscribe(admin.storeId)).toEqual(
    expect.objectContaining({ type: 'subscribed', storeId: admin.storeId }),
  );

  await postAdjustment(other, bread.id, { delta: -1, reason: 'damaged' }).expect(201);
  await postAdjustment(admin, milk.id, { delta: -2, reason: 'damaged' }).expect(201);
  const [event] = await socket.eventsUntil(admin.storeId, 1);
  expect(event).toEqual(
    expect.objectContaining({
      type: 'inventory.stock_updated',
      storeId: admin.storeId,
      payload: expect.objectContaining({ productId: milk.id, delta: -2 }),
      actor: { type: 'user', id: admin.user.id },
    }),
  );

  // Still live after a few re-checks; then revoked: closed with 4001.
  await new Promise((r) => setTimeout(r, 800));
  expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  await admin.api.delete(`${admin.url}/api-keys/${key.id}`).set(admin.auth).expect(204);
  expect(await socket.closed).toEqual({
    code: CLOSE.UNAUTHORIZED,
    reason: 'API key revoked or expired',
  });
  expect(socket.events(other.storeId)).toEqual([]);
});

test('a revoked key, or one sent as the first message, is handled like an access token: refused, or welcomed', async () => {
  const admin = await storeWithMember(t, 'admin');
  const key = await keyOf(admin, 'employee');
  const first = await TestSocket.signedIn(srv.wsUrl, key.token);
  expect(await first.subscribe(admin.storeId)).toEqual(
    expect.objectContaining({ type: 'subscribed' }),
  );
  first.ws.close();

  await admin.api.delete(`${admin.url}/api-keys/${key.id}`).set(admin.auth).expect(204);
  const refused = await TestSocket.open(srv.wsUrl, { Authorization: `Bearer ${key.token}` });
  expect((await refused.closed).code).toBe(CLOSE.UNAUTHORIZED);
});
