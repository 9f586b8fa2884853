import { buildTestApp, useTestApp, type TestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import { sellDaily, weeklyPattern } from '../../test/forecasting';
import { jobLockKey } from '../jobs/jobs.service';
import { RECALCULATE_JOB } from './recalculate';

/*
 * A store-wide recalculation is expensive: a store has at most one waiting and one running,
 * every other request answers the waiting (or running) one, and a new one is queued at most
 * once per minimum interval. It holds across replicas (two apps on one database).
 */
const t = useTestApp({ RECALCULATE_MIN_INTERVAL_SECONDS: '300' });
let replica: TestApp;
beforeAll(async () => {
  replica = await buildTestApp({ RECALCULATE_MIN_INTERVAL_SECONDS: '300' }, t);
});
afterAll(() => replica.close());

const recalculate = (s: StoreMember) =>
  s.api.post(`${s.url}/forecasts/recalculate`).set(s.auth).send({});

async function jobsOf(storeId: string) {
  const { rows } = await t.db.pool.query<{ id: string; status: string }>(
    `SELECT id, status FROM jobs WHERE store_id = $1 AND type = $2 ORDER BY created_at`,
    [storeId, RECALCULATE_JOB],
  );
  return rows;
}

/** Jobs pg-boss holds for the store's recalculations (the queue's own copy of each). */
async function queuedWork(storeId: string) {
  const { rows } = await t.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pgboss.job q JOIN jobs j ON j.id = (q.data->>'jobId')::uuid
     WHERE q.name = $2 AND j.store_id = $1`,
    [storeId, RECALCULATE_JOB],
  );
  return rows[0]!.n;
}

async function storeWithSales() {
  const s = await storeWithMember(t, 'manager');
  const p = await createProduct(s, { name: 'Tea', initialQuantity: 40 });
  await sellDaily(t, s, p.id, weeklyPattern(60, 4));
  return s;
}

test('when 30 recalculation requests from five employees reach two replicas at once, then one job is queued and every answer is 202 with its id', async () => {
  const s = await storeWithSales();
  const staff = await Promise.all(
    Array.from({ length: 5 }, () => memberOf(t, s.storeId, 'employee')),
  );
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, i) => {
      const who = staff[i % 5]!;
      // Half of them through the other replica.
      return recalculate(i % 2 ? { ...who, api: replica.api } : who);
    }),
  );
  expect(answers.map((r) => r.status)).toEqual(new Array(30).fill(202));
  const ids = new Set(answers.map((r) => r.body.data.jobId));
  expect(ids.size).toBe(1);
  expect(await jobsOf(s.storeId)).toEqual([{ id: [...ids][0], status: 'queued' }]);
  expect(await queuedWork(s.storeId)).toBe(1);
});

test('while a recalculation runs, one more may wait and every further request answers the waiting one; the waiting one starts only when the running one has finished', async () => {
  const s = await storeWithSales();
  const first = (await recalculate(s).expect(202)).body.data.jobId;
  let second = '';
  // Another replica is running it: it holds the store's run lock and marked it running.
  const runner = await t.db.pool.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [
      jobLockKey('run', RECALCULATE_JOB, s.storeId),
    ]);
    await t.db.pool.query(
      `UPDATE jobs SET status = 'running', created_at = now() - interval '10 minutes' WHERE id = $1`,
      [first],
    );
    const waiting = await Promise.all(Array.from({ length: 10 }, () => recalculate(s)));
    second = waiting[0]!.body.data.jobId;
    expect(second).not.toBe(first);
    expect(waiting.map((r) => [r.status, r.body.data.jobId])).toEqual(
      new Array(10).fill([202, second]),
    );
    expect(await jobsOf(s.storeId)).toEqual([
      { id: first, status: 'running' },
      { id: second, status: 'queued' },
    ]);
    // This replica's worker takes the waiting job but does not start it while the first runs.
    const since = (await runner.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]!
      .now;
    const drained = replica.services.jobs.drain();
    // Seen from PostgreSQL: since the drain began, another session of this database has asked
    // for a run lock and been refused (the runner holds it): the worker has the job and waits.
    for (;;) {
      const { rows } = await t.db.pool.query(
        `SELECT 1 FROM pg_stat_activity
         WHERE datname = current_database() AND query_start > $1
           AND query LIKE 'SELECT pg_try_advisory_lock%'`,
        [since],
      );
      if (rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect((await jobsOf(s.storeId)).find((j) => j.id === second)?.status).toBe('queued');
    await runner.query('SELECT pg_advisory_unlock_all()');
    await drained;
  } finally {
    runner.release();
  }
  expect(await jobsOf(s.storeId)).toEqual(
    expect.arrayContaining([{ id: second, status: 'succeeded' }]),
  );
});

test('when a recalculation finished less than the minimum interval ago, then 429 with Retry-After and nothing is queued; after the interval a new one is queued', async () => {
  const s = await storeWithSales();
  const first = (await recalculate(s).expect(202)).body.data.jobId;
  await t.services.jobs.drain();
  expect(await jobsOf(s.storeId)).toEqual([{ id: first, status: 'succeeded' }]);

  const early = await recalculate(s).expect(429);
  expect(early.body.error.code).toBe('RATE_LIMITED');
  expect(early.body.error.message).toMatch(
    /recalculation was started \d+ s ago; it can run again in \d+ s/,
  );
  const retryAfter = Number(early.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(300);
  expect(await jobsOf(s.storeId)).toHaveLength(1);

  await t.db.pool.query(
    `UPDATE jobs SET created_at = now() - interval '301 seconds' WHERE id = $1`,
    [first],
  );
  const later = (await recalculate(s).expect(202)).body.data.jobId;
  expect(later).not.toBe(first);
  expect(await jobsOf(s.storeId)).toEqual([
    { id: first, status: 'succeeded' },
    { id: later, status: 'queued' },
  ]);
});
