import { Client, type PoolClient } from 'pg';
import { buildTestApp, useTestApp, type TestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember } from '../../test/factories';
import { postAdjustment } from '../../test/requests';
import { serveSockets, TestSocket, type SocketServer } from '../../test/sockets';
import { createOutboxPublisher, storeChannel } from './events.publisher';
import { insertEvents } from './events.repo';
import { createLogger } from '../../logger';

const t = useTestApp({ OUTBOX_POLL_MS: '100' });
let srv: SocketServer;
beforeAll(async () => {
  t.services.outboxPublisher.start();
  srv = await serveSockets(t);
});
afterAll(() => srv.close());

const bearer = (s: { auth: Record<string, string> }) => s.auth.Authorization!.slice(7);

async function until(check: () => Promise<boolean> | boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const unpublishedIn = async (storeId: string) =>
  (
    await t.db.pool.query(
      'SELECT count(*)::int AS n FROM outbox_events WHERE store_id = $1 AND published_at IS NULL',
      [storeId],
    )
  ).rows[0].n as number;

test('a change that took its outbox id first but commits after a later one is neither skipped nor reordered', async () => {
  const a = await storeWithMember(t, 'admin');
  const b = await storeWithMember(t, 'admin');
  const p = await createProduct(a, { initialQuantity: 5 });
  const q = await createProduct(b, { initialQuantity: 5 });
  const socket = await TestSocket.signedIn(srv.wsUrl, bearer(a));
  await socket.subscribe(a.storeId);
  const other = await TestSocket.signedIn(srv.wsUrl, bearer(b));
  await other.subscribe(b.storeId);
  const start = await t.api.get(`${a.url}/events`).set(a.auth).expect(200);
  const cursor = start.body.pagination.nextCursor as string;

  // A transaction of store A writes its event (taking id n) and stays open.
  const held = await t.db.pool.connect();
  try {
    await outOfOrder(held);
  } finally {
    await held.query('ROLLBACK').catch(() => undefined);
    held.release();
  }
  async function outOfOrder(held: PoolClient) {
    await held.query('BEGIN');
    await insertEvents(held, a.storeId, [
      { type: 'product.updated', payload: { productId: p.id, fields: ['name'] } },
    ]);
    const mine = (
      await held.query('SELECT max(id) AS id FROM outbox_events WHERE store_id = $1', [a.storeId])
    ).rows[0].id as number;

    // A change of store B takes a later id, commits first and is published meanwhile.
    await postAdjustment(b, q.id, { delta: 1, reason: 'return' }).expect(201);
    await other.eventsUntil(b.storeId, 1);
    const later = await t.db.pool.query(
      'SELECT max(id) AS id FROM outbox_events WHERE store_id = $1',
      [b.storeId],
    );
    expect(later.rows[0].id).toBeGreaterThan(mine);

    // A second change of store A waits for the first to commit; the feed shows neither yet.
    const second = memberOf(t, a.storeId, 'employee').then((e) =>
      postAdjustment(e, p.id, { delta: -2, reason: 'damaged' }).expect(201),
    );
    await until(
      async () =>
        (
          await t.db.pool.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          )
        ).rows[0].n === 1,
      'the second change to wait',
    );
    const idle = await t.api.get(`${a.url}/events?cursor=${cursor}`).set(a.auth).expect(200);
    expect(idle.body.data).toEqual([]);

    await held.query('COMMIT');
    await second;
    const events = await socket.eventsUntil(a.storeId, 2);
    expect(events.map((e) => e.type)).toEqual(['product.updated', 'inventory.stock_updated']);
    const feed = await t.api.get(`${a.url}/events?cursor=${cursor}`).set(a.auth).expect(200);
    expect(feed.body.data).toEqual(events);
    expect(Number(events[1]!.id)).toBe(Number(events[0]!.id) + 1);
    await Promise.all([socket.close(), other.close()]);
  }
});

test('events committed while no publisher runs are published in order when one starts, and marked published', async () => {
  const s = await storeWithMember(t, 'admin');
  const p = await createProduct(s, { initialQuantity: 0 });
  const socket = await TestSocket.signedIn(srv.wsUrl, bearer(s));
  await socket.subscribe(s.storeId);
  await t.services.outboxPublisher.stop();
  for (const delta of [1, 2, 3])
    await postAdjustment(s, p.id, { delta, reason: 'return' }).expect(201);
  expect(await unpublishedIn(s.storeId)).toBe(3);

  t.services.outboxPublisher.start();
  const events = await socket.eventsUntil(s.storeId, 3);
  expect(events.map((e) => (e.payload as { delta: number }).delta)).toEqual([1, 2, 3]);
  await until(async () => (await unpublishedIn(s.storeId)) === 0, 'the rows to be marked');
  await socket.close();
});

test('stopping while a batch is in hand publishes and marks it before letting go (a handover sends nothing twice)', async () => {
  const s = await storeWithMember(t, 'admin');
  const p = await createProduct(s, { initialQuantity: 0 });
  await t.services.outboxPublisher.stop();
  let release: () => void = () => undefined;
  let reached: () => void = () => undefined;
  const inHand = new Promise<void>((resolve) => (reached = resolve));
  const own = createOutboxPublisher({
    connect: () => new Client({ connectionString: t.db.pool.options.connectionString }),
    bus: t.platform.bus,
    log: createLogger('silent'),
    pollMs: 100,
    onPublished: (events) => {
      if (!events.some((e) => e.storeId === s.storeId)) return;
      reached();
      return new Promise<void>((resolve) => (release = resolve));
    },
  });
  own.start();
  try {
    await postAdjustment(s, p.id, { delta: 1, reason: 'return' }).expect(201);
    await inHand;
    const stopping = own.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await stopping;
    expect(own.leading).toBe(false);
    expect(await unpublishedIn(s.storeId)).toBe(0);
  } finally {
    release();
    await own.stop();
    t.services.outboxPublisher.start();
  }
});

(process.env.REDIS_URL ? describe : describe.skip)('two replicas on one database and Redis', () => {
  let replica: TestApp;
  let replicaSrv: SocketServer;
  beforeAll(async () => {
    replica = await buildTestApp({ OUTBOX_POLL_MS: '100' }, t);
    replica.services.outboxPublisher.start();
    replicaSrv = await serveSockets(replica);
  });
  afterAll(async () => {
    await replicaSrv.close();
    await replica.close();
  });

  test('an event from one reaches sockets on the other, published once; when the leader stops, the other takes over', async () => {
    const publishers = [t.services.outboxPublisher, replica.services.outboxPublisher];
    await until(() => publishers.some((p) => p.leading), 'a leader');
    expect(publishers.filter((p) => p.leading)).toHaveLength(1);

    const s = await storeWithMember(t, 'admin');
    const p = await createProduct(s, { initialQuantity: 0 });
    const onBus: string[] = [];
    const off = await t.platform.bus.subscribe(storeChannel(s.storeId), (m) =>
      onBus.push((m as { id: string }).id),
    );
    const here = await TestSocket.signedIn(srv.wsUrl, bearer(s));
    const there = await TestSocket.signedIn(replicaSrv.wsUrl, bearer(s));
    await here.subscribe(s.storeId);
    await there.subscribe(s.storeId);

    for (const delta of [1, 2])
      await postAdjustment(s, p.id, { delta, reason: 'return' }).expect(201);
    const arrived = await there.eventsUntil(s.storeId, 2);
    expect(await here.eventsUntil(s.storeId, 2)).toEqual(arrived);
    await until(() => onBus.length >= 2, 'the bus');
    expect(onBus).toEqual(arrived.map((e) => e.id));

    const leader = publishers.find((x) => x.leading)!;
    await leader.stop();
    await until(() => publishers.some((x) => x.leading), 'a new leader');
    await postAdjustment(s, p.id, { delta: 3, reason: 'return' }).expect(201);
    const all = await there.eventsUntil(s.storeId, 3);
    expect(all.map((e) => (e.payload as { delta: number }).delta)).toEqual([1, 2, 3]);
    expect(onBus).toEqual(all.map((e) => e.id));
    leader.start();
    await off();
    await Promise.all([here.close(), there.close()]);
  });
});
