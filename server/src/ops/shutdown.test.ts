import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../test/db';
import { spawnServer } from '../test/spawn-server';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'nimbus-ops-'));

test.each(['external', 'embedded'])(
  'on SIGTERM the server (%s PostgreSQL) stops taking traffic, drains, closes and exits 0',
  async (mode) => {
    const dataDir = mode === 'embedded' ? await tempDir() : undefined;
    const server = await spawnServer(dataDir ? { dataDir } : { databaseUrl: db.url });
    try {
      const base = `${server.base}/api/v1/health`;
      expect((await fetch(`${base}/readiness`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      const messages = server.logs().map((l) => l.message);
      expect(messages).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
      // The database outlives the drain: nothing cut the pool's connections from under it.
      expect(messages).not.toContain('database connection lost');
      await expect(fetch(`${base}/liveness`)).rejects.toThrow();
    } finally {
      server.child.kill('SIGKILL');
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  },
  90_000,
);

/** One GET on a keep-alive agent: its status and whether the server asked to close. */
const get = (agent: http.Agent, url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; close: boolean }>((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode!, close: res.headers.connection === 'close' }),
      );
    });
    req.on('error', reject);
  });

test('when SIGTERM comes under a keep-alive load, then no request fails: those in flight finish, each connection is closed after its response, and new connections are refused', async () => {
  const server = await spawnServer({
    databaseUrl: db.url,
    env: { RATE_LIMIT_ENABLED: 'false', SHUTDOWN_TIMEOUT_MS: '15000' },
  });
  try {
    const reg = await fetch(`${server.base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: `drain.${Date.now()}@example.test`,
        password: 'Drain-the-pool-7',
        name: 'Drain',
        storeName: 'Drain Store',
      }),
    });
    const { accessToken } = ((await reg.json()) as { data: { accessToken: string } }).data;
    const me = (await (
      await fetch(`${server.base}/api/v1/auth/me`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      })
    ).json()) as { data: { memberships: Array<{ storeId: string }> } };
    const url = `${server.base}/api/v1/stores/${me.data.memberships[0]!.storeId}/products`;
    const headers = { Authorization: `Bearer ${accessToken}` };

    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    let signalled = false;
    const tally = { ok: 0, afterSignal: 0, closeAsked: 0, refused: 0 };
    const failures: string[] = [];
    const worker = async () => {
      for (;;) {
        try {
          const res = await get(agent, url, headers);
          if (res.status !== 200) failures.push(`status ${res.status}`);
          else tally.ok++;
          if (signalled) tally.afterSignal++;
          if (res.close) tally.closeAsked++;
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          // A refused connection never carried a request: the client may send it elsewhere.
          if (code === 'ECONNREFUSED') {
            tally.refused++;
            return;
          }
          failures.push(code ?? String(err));
          return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, worker));
    // Under way for real before the signal: every connection busy, a hundred answers in.
    for (let until = Date.now() + 20_000; tally.ok < 100 && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 20));
    signalled = true;
    server.child.kill('SIGTERM');
    await load;
    agent.destroy();

    expect(failures).toEqual([]);
    expect(tally.ok).toBeGreaterThanOrEqual(100);
    // Requests on open connections were still answered after the signal, each with a close.
    expect(tally.afterSignal).toBeGreaterThan(0);
    expect(tally.closeAsked).toBeGreaterThan(0);
    expect(tally.refused).toBe(16);
    expect(await server.exited).toBe(0);
    expect(server.logs().map((l) => l.message)).not.toContain(
      'connections still open at the deadline were closed',
    );
  } finally {
    server.child.kill('SIGKILL');
  }
}, 90_000);

test('when the embedded PostgreSQL is killed, then the server stays up, readiness says 503 while it is down, and it is back by itself', async () => {
  const dataDir = await tempDir();
  const server = await spawnServer({ dataDir });
  try {
    const readiness = async () =>
      (await fetch(`${server.base}/api/v1/health/readiness`).catch(() => undefined))?.status;
    expect(await readiness()).toBe(200);
    const pid = Number(
      (await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    process.kill(pid, 'SIGKILL');

    // Each change of answer in order ('none': no answer at all); on a loaded machine the
    // restart takes a while, so the wait is long and what the server said is kept to read.
    const seen: Array<number | 'none'> = [];
    const until = Date.now() + 90_000;
    while (Date.now() < until) {
      const status = (await readiness()) ?? 'none';
      if (seen.at(-1) !== status) seen.push(status);
      if (status === 200 && seen.includes(503)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!seen.includes(503)) {
      const said = server.logs().map((l) => l.message);
      throw new Error(
        `readiness answered ${JSON.stringify(seen)}; the server said ${said.slice(-15).join(' | ')}`,
      );
    }
    expect(seen.at(-1)).toBe(200);
    await server.waitForLog((l) => l.message === 'embedded PostgreSQL restarted');
    // Writes work again without restarting the server.
    const reg = await fetch(`${server.base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'back@example.test',
        password: 'Back-again-2026',
        name: 'Back',
      }),
    });
    expect(reg.status).toBe(201);
    expect(server.child.exitCode).toBeNull();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  } finally {
    server.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}, 180_000);

test('when METRICS_PORT is set, then the metrics are served there, not on the API port', async () => {
  const server = await spawnServer({
    databaseUrl: db.url,
    env: { METRICS_PORT: '0' },
  });
  try {
    const listening = await server.waitForLog((l) => l.message === 'metrics listening');
    const metrics = await fetch(`http://127.0.0.1:${listening.port}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_cpu_seconds_total');
    const onApi = await fetch(`${server.base}/metrics`, { headers: { Accept: 'text/plain' } });
    expect(onApi.status).toBe(404);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  } finally {
    server.child.kill('SIGKILL');
  }
}, 90_000);

test('when the server stops in the middle of an import job, then the job goes back to the queue and the next server finishes it, each row imported once', async () => {
  // The deadline is not what this test is about: a batch of rows in flight must be able to
  // finish or roll back within it even on a busy machine, where one batch takes seconds.
  const env = { RATE_LIMIT_ENABLED: 'false', SHUTDOWN_TIMEOUT_MS: '30000' };
  const first = await spawnServer({ databaseUrl: db.url, env });
  let second: Awaited<ReturnType<typeof spawnServer>> | undefined;
  try {
    const reg = await fetch(`${first.base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: `resume.${Date.now()}@example.test`,
        password: 'Resume-the-job-7',
        name: 'Resume',
        storeName: 'Resume Store',
      }),
    });
    const token = ((await reg.json()) as { data: { accessToken: string } }).data.accessToken;
    const auth = { Authorization: `Bearer ${token}` };
    const me = (await (await fetch(`${first.base}/api/v1/auth/me`, { headers: auth })).json()) as {
      data: { memberships: Array<{ storeId: string }> };
    };
    const store = `/api/v1/stores/${me.data.memberships[0]!.storeId}`;
    const rows = Array.from({ length: 3000 }, (_, i) => `RES-${i},Item ${i},1.00,2`);
    const form = new FormData();
    form.append('file', new Blob([['sku,name,price,quantity', ...rows].join('\n')]), 'big.csv');
    const upload = await fetch(`${first.base}${store}/products/import`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    expect(upload.status).toBe(202);
    const { jobId } = ((await upload.json()) as { data: { jobId: string } }).data;
    const job = async (base: string) =>
      (
        (await (await fetch(`${base}${store}/jobs/${jobId}`, { headers: auth })).json()) as {
          data: { status: string; progress: number; result: { summary: { created: number } } };
        }
      ).data;
    for (let until = Date.now() + 30_000; (await job(first.base)).progress === 0;) {
      if (Date.now() > until) throw new Error('the import made no progress');
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    second = await spawnServer({ databaseUrl: db.url, env });
    // Awaited by its state: on a loaded machine the second server takes a while to finish.
    let done = await job(second.base);
    for (
      let until = Date.now() + 150_000;
      done.status !== 'succeeded';
      done = await job(second.base)
    ) {
      if (Date.now() > until || done.status === 'failed') throw new Error(JSON.stringify(done));
      await new Promise((r) => setTimeout(r, 200));
    }
    // The report counts the rows of both deliveries, from the checkpoint on.
    expect(done.result.summary.created).toBe(3000);
    const counts = await db.pool.query(
      `SELECT count(*)::int AS products, count(DISTINCT sku)::int AS skus,
              (SELECT count(*)::int FROM stock_movements m WHERE m.store_id = p.store_id) AS movements
       FROM products p WHERE sku LIKE 'RES-%' GROUP BY p.store_id`,
    );
    expect(counts.rows).toEqual([{ products: 3000, skus: 3000, movements: 3000 }]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  } finally {
    first.child.kill('SIGKILL');
    second?.child.kill('SIGKILL');
  }
}, 240_000);
