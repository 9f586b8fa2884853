import { buildTestApp, useTestApp, type TestApp } from '../../test/app';
import { memberOf, storeWithMember, type StoreMember } from '../../test/factories';

/*
 * Schedules: each task runs once per slot at the store's own local time, on a fake clock
 * (`tick(now)`), once across replicas, caught up once after downtime, and as each store set it.
 */
const t = useTestApp();

async function zonedStore(timezone: string): Promise<StoreMember> {
  const s = await storeWithMember(t, 'admin');
  await t.db.pool.query(
    "UPDATE stores SET timezone = $2, created_at = '2026-01-01T00:00:00Z' WHERE id = $1",
    [s.storeId, timezone],
  );
  return s;
}

/** The forecast runs this tick queued for these stores, as `store → due instant`. */
async function tickFor(app: TestApp, now: string, ...stores: StoreMember[]) {
  const ran = await app.services.schedules.tick(new Date(now));
  const ids = new Set(stores.map((s) => s.storeId));
  return ran
    .filter((r) => ids.has(r.storeId) && r.task === 'forecasts')
    .map((r) => ({ storeId: r.storeId, task: r.task, dueAt: r.dueAt.toISOString() }));
}

test('when 02:00 comes in Auckland and later in Los Angeles, then each store’s forecasts are queued at its own 02:00, once', async () => {
  const auckland = await zonedStore('Pacific/Auckland');
  const la = await zonedStore('America/Los_Angeles');

  // The first tick catches up each store's last 02:00 (Auckland's 10 June, NZST = UTC+12;
  // Los Angeles' 10 June, PDT = UTC-7).
  expect(await tickFor(t, '2026-06-10T12:30:00Z', auckland, la)).toEqual(
    expect.arrayContaining([
      { storeId: auckland.storeId, task: 'forecasts', dueAt: '2026-06-09T14:00:00.000Z' },
      { storeId: la.storeId, task: 'forecasts', dueAt: '2026-06-10T09:00:00.000Z' },
    ]),
  );
  expect(await tickFor(t, '2026-06-10T12:31:00Z', auckland, la)).toEqual([]);
  // 01:59 in Auckland: nothing; 02:00: Auckland only.
  expect(await tickFor(t, '2026-06-10T13:59:00Z', auckland, la)).toEqual([]);
  expect(await tickFor(t, '2026-06-10T14:00:30Z', auckland, la)).toEqual([
    { storeId: auckland.storeId, task: 'forecasts', dueAt: '2026-06-10T14:00:00.000Z' },
  ]);
  // 01:59 in Los Angeles: nothing; 02:00: Los Angeles only.
  expect(await tickFor(t, '2026-06-11T08:59:00Z', auckland, la)).toEqual([]);
  expect(await tickFor(t, '2026-06-11T09:00:10Z', auckland, la)).toEqual([
    { storeId: la.storeId, task: 'forecasts', dueAt: '2026-06-11T09:00:00.000Z' },
  ]);

  // Each run queued the store's recalculation, and Settings shows it as the last run.
  const schedules = await la.api.get(`${la.url}/schedules`).set(la.auth).expect(200);
  const forecasts = schedules.body.data.find((s: { task: string }) => s.task === 'forecasts');
  expect(forecasts).toEqual(
    expect.objectContaining({
      at: '02:00',
      timezone: 'America/Los_Angeles',
      lastRun: { dueAt: '2026-06-11T09:00:00.000Z', jobId: expect.any(String) },
    }),
  );
  const job = await la.api
    .get(`${la.url}/jobs/${forecasts.lastRun.jobId}`)
    .set(la.auth)
    .expect(200);
  expect(job.body.data).toEqual(
    expect.objectContaining({
      type: 'forecasting.recalculate',
      status: 'queued',
      startedAt: null,
      completedAt: null,
    }),
  );
  // The job says when it ran.
  await t.services.jobs.drain();
  const done = (await la.api.get(`${la.url}/jobs/${job.body.data.id}`).set(la.auth).expect(200))
    .body.data;
  expect(done).toEqual(
    expect.objectContaining({
      status: 'succeeded',
      startedAt: expect.any(String),
      completedAt: expect.any(String),
    }),
  );
  expect(Date.parse(done.startedAt)).toBeLessThanOrEqual(Date.parse(done.completedAt));
  expect(Date.parse(done.startedAt)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
});

test('when the clocks go forward or back, then 02:00 still runs once a local day', async () => {
  const la = await zonedStore('America/Los_Angeles');
  await tickFor(t, '2026-03-06T12:00:00Z', la);
  // Every 20 minutes across the spring change (8 March) and three days around it.
  const runs: string[] = [];
  for (let at = Date.parse('2026-03-06T12:20:00Z'); at < Date.parse('2026-03-10T12:00:00Z');) {
    runs.push(...(await tickFor(t, new Date(at).toISOString(), la)).map((r) => r.dueAt));
    at += 20 * 60_000;
  }
  // 7 March 02:00 PST, 8 March (02:00 does not exist: the first instant after it), 9 and 10
  // March 02:00 PDT.
  expect(runs).toEqual([
    '2026-03-07T10:00:00.000Z',
    '2026-03-08T10:00:00.000Z',
    '2026-03-09T09:00:00.000Z',
    '2026-03-10T09:00:00.000Z',
  ]);
});

test('when two servers tick at the same moment, then each run is queued once', async () => {
  const replica = await buildTestApp({}, t);
  try {
    const s = await zonedStore('Europe/Berlin');
    const [a, b] = await Promise.all([
      tickFor(t, '2026-09-01T06:00:00Z', s),
      tickFor(replica, '2026-09-01T06:00:00Z', s),
    ]);
    expect([...a, ...b]).toEqual([
      { storeId: s.storeId, task: 'forecasts', dueAt: '2026-09-01T00:00:00.000Z' },
    ]);
    const { rows } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM jobs WHERE store_id = $1 AND type = 'forecasting.recalculate'",
      [s.storeId],
    );
    expect(rows[0].n).toBe(1);
  } finally {
    await replica.close();
  }
});

test('when no server ran for three days, then the missed 02:00 runs once, not three times', async () => {
  const s = await zonedStore('UTC');
  await tickFor(t, '2026-09-01T02:05:00Z', s);
  expect(await tickFor(t, '2026-09-04T15:00:00Z', s)).toEqual([
    { storeId: s.storeId, task: 'forecasts', dueAt: '2026-09-04T02:00:00.000Z' },
  ]);
  expect(await tickFor(t, '2026-09-04T15:01:00Z', s)).toEqual([]);
});

test('when a store is created after 02:00, then its first run is the next 02:00', async () => {
  const s = await storeWithMember(t, 'admin');
  const now = new Date();
  expect(await tickFor(t, now.toISOString(), s)).toEqual([]);
});

test('when an admin moves the time or turns the task off, then the store runs at its time or not at all', async () => {
  const s = await zonedStore('Europe/London');
  await tickFor(t, '2026-10-01T01:30:00Z', s); // catches up 30 September 02:00 BST

  const moved = await s.api
    .put(`${s.url}/schedules/forecasts`)
    .set(s.auth)
    .send({ at: '05:30' })
    .expect(200);
  expect(moved.body.data).toEqual(
    expect.objectContaining({ task: 'forecasts', at: '05:30', defaultAt: '02:00', enabled: true }),
  );
  // 02:00 BST (01:00Z) passes without a run; 05:30 BST (04:30Z) runs.
  expect(await tickFor(t, '2026-10-02T01:10:00Z', s)).toEqual([]);
  expect(await tickFor(t, '2026-10-02T04:31:00Z', s)).toEqual([
    { storeId: s.storeId, task: 'forecasts', dueAt: '2026-10-02T04:30:00.000Z' },
  ]);
  // Moved later the same day: today's run has been, so it does not run again.
  await s.api.put(`${s.url}/schedules/forecasts`).set(s.auth).send({ at: '06:00' }).expect(200);
  expect(await tickFor(t, '2026-10-02T05:01:00Z', s)).toEqual([]);

  const off = await s.api
    .put(`${s.url}/schedules/forecasts`)
    .set(s.auth)
    .send({ enabled: false })
    .expect(200);
  expect(off.body.data).toEqual(
    expect.objectContaining({ at: '06:00', enabled: false, nextRunAt: null }),
  );
  expect(await tickFor(t, '2026-10-05T05:01:00Z', s)).toEqual([]);
});

test('bad times and unknown tasks are 4xx and change nothing; only admins change schedules, and only members see them', async () => {
  const s = await storeWithMember(t, 'admin');
  const manager = await memberOf(t, s.storeId, 'manager');
  const viewer = await memberOf(t, s.storeId, 'viewer');
  const other = await storeWithMember(t, 'admin');
  const put = (m: StoreMember, body: unknown, task = 'forecasts') =>
    m.api
      .put(`${s.url}/schedules/${task}`)
      .set(m.auth)
      .send(body as object);

  for (const body of [{ at: '25:00' }, { at: '2:00' }, { at: 200 }, {}, { enabled: 'yes' }]) {
    const res = await put(s, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
  await put(s, { at: '03:00' }, 'defrost-the-freezer').expect(404);
  await put(manager, { at: '03:00' }).expect(403);
  await put(other, { at: '03:00' }).expect(403);

  // Everyone in the store can see when things run; nothing was changed by the refusals.
  const seen = await viewer.api.get(`${s.url}/schedules`).set(viewer.auth).expect(200);
  expect(seen.body.data.map((x: { task: string; at: string }) => [x.task, x.at])).toEqual([
    ['forecasts', '02:00'],
    ['expiry', '06:00'],
    ['digest', '07:00'],
    ['stock', '08:00'],
    ['purchasing', '09:00'],
    ['weekly-summary', '09:00'],
  ]);
  expect(seen.body.data[0]).toEqual(
    expect.objectContaining({
      task: 'forecasts',
      title: 'Forecasts and anomalies',
      cadence: 'daily',
      at: '02:00',
      enabled: true,
      nextRunAt: expect.any(String),
      lastRun: null,
    }),
  );
  // Not a member of the store: 403 (PRODUCT.md §5).
  await other.api.get(`${s.url}/schedules`).set(other.auth).expect(403);
});
