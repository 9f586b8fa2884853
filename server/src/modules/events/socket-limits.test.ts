import { useTestApp } from '../../test/app';
import { storeWithMember } from '../../test/factories';
import { serveSockets, TestSocket } from '../../test/sockets';
import { insertEvents } from './events.repo';
import { CLOSE, LIMITS } from './socket.protocol';

const t = useTestApp();
const bearer = (s: { auth: Record<string, string> }) => s.auth.Authorization!.slice(7);

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a client that stops reading is closed with 4008 once its send buffer passes the limit, not buffered without end', async () => {
  const srv = await serveSockets(t, { maxBufferedBytes: 64 * 1024 });
  try {
    const s = await storeWithMember(t, 'admin');
    // 40 MB of events waiting in the outbox: more than the kernel's socket buffers hold.
    const pad = 'x'.repeat(100_000);
    for (let i = 0; i < 4; i++) {
      await insertEvents(
        t.db.pool,
        s.storeId,
        Array.from({ length: 100 }, () => ({ type: 'product.updated', payload: { pad } })),
      );
    }
    const socket = await TestSocket.signedIn(srv.wsUrl, bearer(s));
    socket.ws.pause();
    socket.send({ type: 'subscribe', storeId: s.storeId, lastEventId: '0' });
    await until(
      () => t.logs.some((l) => l.includes('slow consumer')),
      'the server to give up on the socket',
    );
    socket.ws.resume();
    expect(await socket.closed).toEqual({ code: CLOSE.SLOW_CONSUMER, reason: 'slow consumer' });
    // It got what fitted, in order, and then nothing more.
    const ids = socket.events().map((e) => Number(e.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(400);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  } finally {
    await srv.close();
  }
});

test('a socket that does not answer pings is dropped; one that does stays', async () => {
  const srv = await serveSockets(t, { heartbeatMs: 100 });
  try {
    const s = await storeWithMember(t, 'viewer');
    const healthy = await TestSocket.signedIn(srv.wsUrl, bearer(s));
    const silent = await TestSocket.signedIn(srv.wsUrl, bearer(s));
    expect(healthy.messages[0]).toMatchObject({ type: 'welcome', heartbeatMs: 100 });
    silent.ws.pause();
    await until(() => srv.sockets.count() === 1, 'the silent socket to be dropped');
    silent.ws.resume();
    expect((await silent.closed).code).toBe(1006);
    // The healthy one is still served.
    expect((await healthy.subscribe(s.storeId)).type).toBe('subscribed');
    await healthy.close();
  } finally {
    await srv.close();
  }
});

test('a signed-in socket hears a heartbeat message every heartbeatMs (browsers never see pings); one not yet signed in does not', async () => {
  const srv = await serveSockets(t, { heartbeatMs: 100 });
  try {
    const s = await storeWithMember(t, 'viewer');
    const signedIn = await TestSocket.signedIn(srv.wsUrl, bearer(s));
    const anonymous = await TestSocket.open(srv.wsUrl);
    const started = Date.now();
    await until(
      () => signedIn.messages.filter((m) => m.type === 'heartbeat').length >= 3,
      'three heartbeats',
    );
    // One per interval, not a flood: the first may come at once, the third two intervals on.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(signedIn.messages.find((m) => m.type === 'heartbeat')).toEqual({ type: 'heartbeat' });
    expect(anonymous.messages).toEqual([]);
    // Heartbeats are not events: a subscription still starts with `subscribed`.
    expect((await signedIn.subscribe(s.storeId)).type).toBe('subscribed');
    await Promise.all([signedIn.close(), anonymous.close()]);
  } finally {
    await srv.close();
  }
});

test(`a user gets at most ${LIMITS.MAX_SOCKETS_PER_USER} sockets; closing one makes room`, async () => {
  const srv = await serveSockets(t);
  try {
    const s = await storeWithMember(t, 'viewer');
    const open = await Promise.all(
      Array.from({ length: LIMITS.MAX_SOCKETS_PER_USER }, () =>
        TestSocket.signedIn(srv.wsUrl, bearer(s)),
      ),
    );
    const extra = await TestSocket.open(srv.wsUrl, s.auth);
    expect(await extra.closed).toEqual({
      code: CLOSE.TOO_MANY_SOCKETS,
      reason: 'Too many sockets for this user',
    });
    await open.pop()!.close();
    await until(() => srv.sockets.count() === LIMITS.MAX_SOCKETS_PER_USER - 1, 'the close');
    const again = await TestSocket.signedIn(srv.wsUrl, bearer(s));
    await Promise.all([...open, again].map((x) => x.close()));
  } finally {
    await srv.close();
  }
});

test('a client that floods messages faster than they are answered is closed with 1008', async () => {
  const srv = await serveSockets(t);
  try {
    const s = await storeWithMember(t, 'viewer');
    const socket = await TestSocket.signedIn(srv.wsUrl, bearer(s));
    for (let i = 0; i < 100; i++) socket.send({ type: 'subscribe', storeId: s.storeId });
    expect(await socket.closed).toEqual({
      code: CLOSE.POLICY,
      reason: 'Too many messages in flight',
    });
  } finally {
    await srv.close();
  }
});

test('closing the socket server tells every socket to go away (1001)', async () => {
  const srv = await serveSockets(t);
  const s = await storeWithMember(t, 'viewer');
  const socket = await TestSocket.signedIn(srv.wsUrl, bearer(s));
  await srv.close();
  expect(await socket.closed).toEqual({ code: CLOSE.GOING_AWAY, reason: 'Server shutting down' });
});
