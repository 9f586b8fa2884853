import { useTestApp } from '../../test/app';
import { memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import { uploadProducts } from '../../test/requests';

/*
 * Job outcomes: an import, report or recalculation that settles says so in the outbox with its
 * status; the member who started it is told (in the app, about the job), and a kind of job
 * that fails opens one `job_failed` alert for the store's managers and admins, resolved when a
 * later one of that kind succeeds, and opened anew when it fails again.
 */
const t = useTestApp({ OUTBOX_POLL_MS: '50' });
beforeAll(() => t.services.outboxPublisher.start());
afterAll(() => t.services.outboxPublisher.stop());

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function published(storeId: string) {
  t.services.outboxPublisher.poke();
  await until(async () => {
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM outbox_events WHERE store_id = $1 AND published_at IS NULL',
      [storeId],
    );
    return rows[0].n === 0 ? true : undefined;
  }, 'the store events published');
}

// Over the 2,000 lines a request imports inline: these become jobs.
const padding = '\n'.repeat(2100);
const GOOD = Buffer.from(`sku,name,price,quantity\nJOB-1,Job lot,1.50,3\n${padding}`);
const BAD = Buffer.from(`colour,size\nred,large\n${padding}`);

/**
 * Imports the file as `m` through a job, runs it, and lets what follows happen: the outbox
 * publishes its outcome (notifications), the failing-jobs check it queued runs, and the alert
 * events that check wrote are published too. Answers the job as GET jobs/{id} shows it.
 */
async function importAsJob(owner: StoreMember, m: StoreMember, file: Buffer) {
  const checks = async () =>
    (
      await t.db.pool.query<{ n: number; waiting: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE status IN ('queued', 'running'))::int AS waiting
         FROM jobs WHERE store_id = $1 AND type = 'alerts.check' AND payload = '{"check":"jobs"}'`,
        [owner.storeId],
      )
    ).rows[0]!;
  const before = (await checks()).n;
  const res = await uploadProducts(m, file, 'products.csv').expect(202);
  const jobId: string = res.body.data.jobId;
  await t.services.jobs.drain();
  await published(owner.storeId);
  // The publisher queues the failing-jobs check (a drain may already have run it).
  await until(async () => ((await checks()).n > before ? true : undefined), 'the check');
  await t.services.jobs.drain();
  await until(async () => ((await checks()).waiting === 0 ? true : undefined), 'the check run');
  await published(owner.storeId);
  return (await m.api.get(`${m.url}/jobs/${jobId}`).set(m.auth).expect(200)).body.data;
}

const notificationsOf = async (m: StoreMember) =>
  (await m.api.get('/api/v1/notifications').set(m.auth).expect(200)).body.data.map(
    (n: { kind: string; title: string; subject: object; alertId: string | null }) => ({
      kind: n.kind,
      title: n.title,
      subject: n.subject,
      alertId: n.alertId,
    }),
  );
const alertsOf = async (m: StoreMember) =>
  (await m.api.get(`${m.url}/alerts?status=all&kind=job_failed`).set(m.auth).expect(200)).body.data;

test('when imports fail and then one succeeds, then the starter is told each outcome, managers get one job_failed alert until the success resolves it, and a new one when it fails again', async () => {
  const admin = await storeWithMember(t, 'admin');
  const manager = await memberOf(t, admin.storeId, 'manager');
  const employee = await memberOf(t, admin.storeId, 'employee');

  // The manager's import fails: the job says so, the manager is told once (about the job).
  const first = await importAsJob(admin, manager, BAD);
  expect(first).toEqual(
    expect.objectContaining({ status: 'failed', completedAt: expect.any(String) }),
  );
  const job1 = { type: 'job', id: first.id };
  const [alert] = await alertsOf(admin);
  expect(alert).toEqual(
    expect.objectContaining({
      kind: 'job_failed',
      subject: job1,
      title: expect.stringMatching(/^Product import failed: /),
      resolvedAt: null,
      detail: expect.objectContaining({ jobType: 'products.import', failures: 1 }),
    }),
  );
  expect(await notificationsOf(manager)).toEqual([
    {
      kind: 'job_finished',
      title: expect.stringMatching(/^Product import failed: /),
      subject: job1,
      alertId: null,
    },
  ]);
  expect(await notificationsOf(admin)).toEqual([
    { kind: 'job_failed', title: alert.title, subject: job1, alertId: alert.id },
  ]);
  expect(await notificationsOf(employee)).toEqual([]);

  // The employee's import fails too: the employee is told; the alert stays the one it was.
  const second = await importAsJob(admin, employee, BAD);
  expect(second.status).toBe('failed');
  expect(await notificationsOf(employee)).toEqual([
    expect.objectContaining({ kind: 'job_finished', subject: { type: 'job', id: second.id } }),
  ]);
  expect(await alertsOf(admin)).toEqual([expect.objectContaining({ id: alert.id })]);
  expect(await notificationsOf(admin)).toHaveLength(1);

  // A good import succeeds: the employee is told, the alert is resolved.
  const third = await importAsJob(admin, employee, GOOD);
  expect(third.status).toBe('succeeded');
  expect((await notificationsOf(employee))[0]).toEqual({
    kind: 'job_finished',
    title: 'Product import finished',
    subject: { type: 'job', id: third.id },
    alertId: null,
  });
  expect(await alertsOf(admin)).toEqual([
    expect.objectContaining({ id: alert.id, resolvedAt: expect.any(String) }),
  ]);

  // It fails again: a new alert, about the new failure, and the admin hears of it.
  const fourth = await importAsJob(admin, employee, BAD);
  const again = await alertsOf(admin);
  expect(again).toEqual([
    expect.objectContaining({ subject: { type: 'job', id: fourth.id }, resolvedAt: null }),
    expect.objectContaining({ id: alert.id }),
  ]);
  expect((await notificationsOf(admin)).map((n: { subject: object }) => n.subject)).toEqual([
    { type: 'job', id: fourth.id },
    job1,
  ]);

  // The feed announced each outcome (as the contract describes it), with who started it.
  const feed = await admin.api
    .get(`${admin.url}/events?type=job.finished`)
    .set(admin.auth)
    .expect(200);
  expect(feed.body.data.map((e: { payload: object }) => e.payload)).toEqual([
    expect.objectContaining({ jobId: first.id, status: 'failed', startedBy: manager.user.id }),
    expect.objectContaining({ jobId: second.id, status: 'failed', startedBy: employee.user.id }),
    expect.objectContaining({
      jobId: third.id,
      type: 'products.import',
      what: 'Product import',
      status: 'succeeded',
      error: null,
    }),
    expect.objectContaining({ jobId: fourth.id, status: 'failed' }),
  ]);

  // The job the notification links to is the store's, and another store cannot see it.
  const other = await storeWithMember(t, 'admin');
  await other.api.get(`${other.url}/jobs/${first.id}`).set(other.auth).expect(404);
});
