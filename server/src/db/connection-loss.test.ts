import { Client } from 'pg';
import { buildTestApp, useTestApp } from '../test/app';
import { createTestDb, type TestDb } from '../test/db';
import { createCategory, createProduct, storeWithMember } from '../test/factories';
import { postSale } from '../test/requests';
import { tcpProxy } from '../test/tcp-proxy';
import { createPool } from './pool';

let db: TestDb;
let admin: Client;
beforeAll(async () => {
  db = await createTestDb();
  admin = new Client({ connectionString: process.env.NIMBUS_TEST_ADMIN_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await db.drop();
});

/** Signals every backend of `database` to end; answers their pids (they end a moment later). */
const terminateAll = async (database: string) =>
  // In the select list, not the WHERE: a WHERE's conditions may run in any order, and
  // this one must only ever reach the rows the others keep.
  (
    await admin.query<{ pid: number; ended: boolean }>(
      `SELECT pid, pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    )
  ).rows.flatMap((r) => (r.ended ? [r.pid] : []));
const databaseOf = (url: string) => new URL(url).pathname.slice(1);

async function waitFor(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('when the backend of a client checked out for a transaction is terminated, then the process stays up and the pool hands out a working connection', async () => {
  const errors: Error[] = [];
  const pool = createPool(db.url, 2, (err) => errors.push(err));
  try {
    const client = await pool.connect();
    await client.query('BEGIN');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Between two statements of a transaction: no query is active to receive the error, so
    // without a listener of its own the client raises an unhandled 'error' event.
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await waitFor(() => errors.length > 0);
    expect(errors[0]!.message).toMatch(/terminat/);
    await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|terminated/);
    client.release();
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
  } finally {
    await pool.end();
  }
});

describe('an app whose database connections are terminated under load', () => {
  const t = useTestApp();

  test('when every connection is terminated during concurrent sales, then each answer is 201, 409 or 503 (never 500), the app recovers, and the ledger adds up', async () => {
    const s = await storeWithMember(t, 'employee');
    const p = await createProduct(s, { name: 'Cola 330ml', price: 1.2, initialQuantity: 300 });
    const sell = (i: number) =>
      postSale(s, { items: [{ productId: p.id, quantity: 1 }] }, `storm-${i}`);
    const terminated = new Set<number>();
    /** The terminations sent: the last may still be on its way when the storm is stopped. */
    const sent: Promise<unknown>[] = [];
    const storm = setInterval(() => {
      sent.push(
        terminateAll(databaseOf(t.db.url)).then(
          (pids) => pids.forEach((pid) => terminated.add(pid)),
          () => undefined,
        ),
      );
    }, 15);
    const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => sell(i))).finally(() =>
      clearInterval(storm),
    );
    // The storm is over when its last signal is sent and every backend it signalled has ended
    // (pg_terminate_backend only signals: on a loaded machine a backend can still take a query).
    await Promise.all(sent);
    await waitFor(
      async () =>
        (
          await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])', [
            [...terminated],
          ])
        ).rowCount === 0,
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((x) => ![201, 409, 503].includes(x))).toEqual([]);
    for (const r of answers.filter((x) => x.status === 503)) {
      expect(r.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(r.headers['retry-after']).toBeDefined();
    }
    // The storm really cut connections the app was using.
    expect(terminated.size).toBeGreaterThan(0);

    // Recovery without a restart: the retry of every request that failed now succeeds.
    const retried = await Promise.all(
      answers.flatMap((r, i) => (r.status === 503 ? [sell(i)] : [])),
    );
    expect(retried.map((r) => r.status).filter((x) => x !== 201)).toEqual([]);
    const { rows } = await t.db.pool.query(
      `SELECT p.quantity,
              (SELECT sum(delta) FROM stock_movements m WHERE m.product_id = p.id)::int AS ledger,
              (SELECT coalesce(sum(quantity), 0) FROM sale_items i WHERE i.product_id = p.id)::int AS sold,
              (SELECT count(*) FROM sales WHERE store_id = p.store_id)::int AS sales
       FROM products p WHERE p.id = $1`,
      [p.id],
    );
    expect(rows[0].ledger).toBe(rows[0].quantity);
    expect(rows[0].quantity).toBe(300 - rows[0].sold);
    // Every sale answered 201 (first time or on its retry) exists, once.
    expect(rows[0].sales).toBe(120);
  });
});

test('when the database goes away, then readiness and requests answer 503 while it is gone, and the pool recovers by itself when it returns', async () => {
  const server = new URL(db.url);
  const proxy = await tcpProxy({ host: server.hostname, port: Number(server.port) });
  const t = await buildTestApp({}, undefined, (own) => {
    const viaProxy = new URL(own.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    return createPool(viaProxy.toString(), 5);
  });
  try {
    const s = await storeWithMember(t, 'manager');
    await t.api.get('/api/v1/health/readiness').expect(200);
    await createCategory(s, { name: 'Before' });

    await proxy.cut();
    const ready = await t.api.get('/api/v1/health/readiness').expect(503);
    expect(ready.body.error.details.database.status).toBe('down');
    const write = await t.api.post(`${s.url}/categories`).set(s.auth).send({ name: 'During' });
    expect(write.status).toBe(503);
    expect(write.body.error.code).toBe('SERVICE_UNAVAILABLE');

    await proxy.restore();
    await waitFor(async () => (await t.api.get('/api/v1/health/readiness')).status === 200);
    await createCategory(s, { name: 'After' });
    const names = await t.db.pool.query(
      'SELECT name FROM categories WHERE store_id = $1 ORDER BY name',
      [s.storeId],
    );
    expect(names.rows.map((r) => r.name)).toEqual(['After', 'Before']);
  } finally {
    await t.close();
    proxy.close();
  }
});
