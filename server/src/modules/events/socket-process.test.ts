import { randomBytes } from 'node:crypto';
import { createTestDb, type TestDb } from '../../test/db';
import { spawnServer, type SpawnedServer } from '../../test/spawn-server';
import { TestSocket } from '../../test/sockets';
import { CLOSE, WS_PATH } from './socket.protocol';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

async function json<T>(res: Promise<Response>): Promise<T> {
  return ((await (await res).json()) as { data: T }).data;
}

(process.env.REDIS_URL ? test : test.skip)(
  'two server processes on one PostgreSQL and Redis: a change made through one reaches a socket on the other, one of them publishes, and SIGTERM closes sockets with 1001',
  async () => {
    // One Redis namespace for both, as replicas behind a load balancer share it.
    const env = { REDIS_KEY_PREFIX: `nimbus-test:${randomBytes(4).toString('hex')}:` };
    const servers: SpawnedServer[] = [];
    try {
      for (let i = 0; i < 2; i++) servers.push(await spawnServer({ databaseUrl: db.url, env }));
      const [a, b] = servers as [SpawnedServer, SpawnedServer];
      const session = await json<{ accessToken: string }>(
        fetch(`${a.base}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            email: `ws.${Date.now()}@example.test`,
            password: 'Sockets-all-round-7',
            name: 'Socket',
            storeName: 'Socket Store',
          }),
        }),
      );
      const auth = { Authorization: `Bearer ${session.accessToken}` };
      const me = await json<{ memberships: Array<{ storeId: string }> }>(
        fetch(`${a.base}/api/v1/auth/me`, { headers: auth }),
      );
      const storeId = me.memberships[0]!.storeId;

      const socket = await TestSocket.open(
        `ws://127.0.0.1:${b.port}${WS_PATH}?token=${session.accessToken}`,
      );
      await socket.next((m) => m.type === 'welcome');
      await socket.subscribe(storeId);
      const created = await fetch(`${a.base}/api/v1/stores/${storeId}/products`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Broccoli', sku: 'BRO-1', price: 2, initialQuantity: 40 }),
      });
      expect(created.status).toBe(201);
      const events = await socket.eventsUntil(storeId, 2);
      expect(events.map((e) => e.type).sort()).toEqual([
        'inventory.stock_updated',
        'product.created',
      ]);

      const leaders = servers.flatMap((s) =>
        s.logs().filter((l) => l.message === 'outbox publisher leading'),
      );
      expect(leaders).toHaveLength(1);
      for (const s of servers) {
        expect(JSON.stringify(s.logs())).not.toContain(session.accessToken);
      }

      b.child.kill('SIGTERM');
      expect(await socket.closed).toEqual({
        code: CLOSE.GOING_AWAY,
        reason: 'Server shutting down',
      });
      expect(await b.exited).toBe(0);
    } finally {
      for (const s of servers) s.child.kill('SIGKILL');
    }
  },
  90_000,
);
