import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { adminQuery, startApiProcess, type ApiProcess } from './api-process';
import WebSocket from 'ws';

/**
 * `npm run bench:realtime`: two API processes (`dist/main.js`) on a fresh database of
 * DATABASE_URL's server and one Redis (REDIS_URL), N sockets split between them, all
 * subscribed to one store. Stock adjustments go through the HTTP API of the first process.
 * Measures write-to-socket latency (from sending the write to each socket's receipt, so it
 * includes the write request itself), events per second under a burst, and each server
 * process's resident memory per socket.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const { values } = parseArgs({
    options: {
      sockets: { type: 'string', default: '1000' },
      events: { type: 'string', default: '200' },
      burst: { type: 'string', default: '500' },
      concurrency: { type: 'string', default: '8' },
    },
  });
  const n = Number(values.sockets);
  const adminUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!adminUrl || !redisUrl) throw new Error('set DATABASE_URL and REDIS_URL');
  const name = `nimbus_rt_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE template0`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl.toString(),
    REDIS_KEY_PREFIX: `nimbus-bench:${randomBytes(4).toString('hex')}:`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'http://127.0.0.1',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DEMO_DATA: 'false',
    RATE_LIMIT_ENABLED: 'false',
  };
  const servers: ApiProcess[] = [];
  const sockets: WebSocket[] = [];
  try {
    servers.push(await startApiProcess(env));
    servers.push(await startApiProcess(env));
    const [a] = servers as [ApiProcess, ApiProcess];
    say('two servers up');
    const post = async (url: string, body: object, token?: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { data: Record<string, unknown> }).data;
    };
    const session = await post(`${a.base}/api/v1/auth/register`, {
      email: `bench.${Date.now()}@example.test`,
      password: 'Bench-the-sockets-7',
      name: 'Bench',
      storeName: 'Bench Store',
    });
    const token = session.accessToken as string;
    const me = (await (
      await fetch(`${a.base}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { data: { memberships: Array<{ storeId: string }> } };
    const storeId = me.data.memberships[0]!.storeId;
    const store = `${a.base}/api/v1/stores/${storeId}`;
    const product = await post(`${store}/products`, { name: 'Bench', price: 1 }, token);
    const adjust = () =>
      post(`${store}/products/${product.id}/adjustments`, { delta: 1, reason: 'return' }, token);

    // Viewers of the store, enough for every socket (a user may have 20 per process; each has 20 on each).
    const tokens: string[] = [];
    for (let i = 0; i < Math.ceil(n / 40); i++) {
      const email = `viewer${i}.${Date.now()}@example.test`;
      const viewer = await post(`${a.base}/api/v1/auth/register`, {
        email,
        password: 'Bench-the-sockets-7',
        name: `Viewer ${i}`,
      });
      await post(`${store}/members`, { email, role: 'viewer' }, token);
      tokens.push(viewer.accessToken as string);
    }

    // Sockets, half on each process.
    const before = servers.map((s) => rssOf(s.child.pid!));
    const arrivals = new Map<string, number[]>();
    let waiting: (() => void) | undefined;
    await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const srv = servers[i % 2]!;
        const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/api/v1/ws`, {
          headers: { Authorization: `Bearer ${tokens[Math.floor(i / 40)]}` },
        });
        sockets.push(ws);
        return new Promise<void>((resolve, reject) => {
          ws.on('error', reject);
          ws.on('close', (code) => reject(new Error(`socket closed: ${code}`)));
          ws.on('message', (data) => {
            const m = JSON.parse(data.toString()) as { type: string; id?: string };
            if (m.type === 'welcome') ws.send(JSON.stringify({ type: 'subscribe', storeId }));
            else if (m.type === 'subscribed') resolve();
            else if (m.type === 'inventory.stock_updated') {
              const list = arrivals.get(m.id!) ?? [];
              list.push(performance.now());
              arrivals.set(m.id!, list);
              if (list.length === n) waiting?.();
            }
          });
        });
      }),
    );
    say(`${n} sockets subscribed`);
    await new Promise((r) => setTimeout(r, 1000));
    const perSocket = servers.map((s, i) => (rssOf(s.child.pid!) - before[i]!) / (n / 2));
    const allArrived = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          const done = [...arrivals.values()].filter((l) => l.length === n).length;
          if (done >= count) resolve();
          else waiting = check;
        };
        check();
      });

    // Latency: one write at a time, each seen by every socket before the next.
    const samples: number[] = [];
    const requestMs: number[] = [];
    for (let i = 0; i < Number(values.events); i++) {
      arrivals.clear();
      const t0 = performance.now();
      await adjust();
      requestMs.push(performance.now() - t0);
      await allArrived(1);
      for (const at of [...arrivals.values()][0]!) samples.push(at - t0);
    }
    samples.sort((x, y) => x - y);
    requestMs.sort((x, y) => x - y);

    // Throughput: a burst of writes from several connections.
    arrivals.clear();
    const burst = Number(values.burst);
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: Number(values.concurrency) }, async () => {
        while (next++ < burst) await adjust();
      }),
    );
    const written = performance.now() - t0;
    await allArrived(burst);
    const elapsed = (performance.now() - t0) / 1000;

    say(`sockets: ${n} (two processes, ${n / 2} each), one store`);
    say(
      `write → socket: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms ` +
        `(the write request alone: p50 ${percentile(requestMs, 50).toFixed(1)} ms)`,
    );
    say(
      `burst of ${burst} writes (${values.concurrency} connections): written in ${(written / 1000).toFixed(2)} s, ` +
        `all delivered to every socket in ${elapsed.toFixed(2)} s: ${(burst / elapsed).toFixed(0)} events/s, ` +
        `${((burst * n) / elapsed).toFixed(0)} socket messages/s`,
    );
    say(
      `server RSS per socket: ${perSocket.map((b) => `${(b / 1024).toFixed(1)} KiB`).join(', ')}`,
    );
  } finally {
    for (const ws of sockets) ws.terminate();
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(
      servers.map(
        (s) => new Promise((r) => (s.child.exitCode !== null ? r(0) : s.child.once('exit', r))),
      ),
    );
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
