import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember } from '../../test/factories';
import { sell } from '../../test/shopping-lists';
import { csvRows, dayAgo } from '../../test/reports';

const t = useTestApp();

async function shop() {
  const s = await storeWithMember(t, 'manager');
  const tea = await createProduct(s, { name: 'Tea', cost: 1, price: 3, initialQuantity: 100 });
  await sell(s, tea.id, 4, 1);
  return { s, tea };
}
const start = (s: Awaited<ReturnType<typeof shop>>['s'], body: object) =>
  s.api.post(`${s.url}/reports/jobs`).set(s.auth).send(body);

test('when a report runs as a job, then it is 409 until the job has run, and then downloads as JSON and CSV', async () => {
  const { s, tea } = await shop();
  const from = dayAgo(6);
  const to = dayAgo(0);
  const { jobId } = (await start(s, { report: 'consumption', params: { from, to } }).expect(202))
    .body.data;
  const early = await s.api.get(`${s.url}/reports/jobs/${jobId}/download`).set(s.auth).expect(409);
  expect(early.body.error.message).toMatch(/not ready yet \(queued, 0% done\)/);

  await t.services.jobs.drain();
  const job = (await s.api.get(`${s.url}/jobs/${jobId}`).set(s.auth).expect(200)).body.data;
  // The job itself holds no figures: GET jobs/{id} needs only inventory:read.
  expect(job).toEqual(
    expect.objectContaining({ type: 'reports.run', status: 'succeeded', progress: 100 }),
  );
  expect(job.result).toBeNull();

  const json = (await s.api.get(`${s.url}/reports/jobs/${jobId}/download`).set(s.auth).expect(200))
    .body.data;
  expect(json.period).toEqual({ from, to, days: 7 });
  expect(json.rows).toEqual([
    expect.objectContaining({ groupId: tea.id, units: 4, cost: 4, revenue: 12 }),
  ]);
  const csv = await s.api
    .get(`${s.url}/reports/jobs/${jobId}/download?format=csv`)
    .set(s.auth)
    .expect(200);
  expect(csv.headers['content-disposition']).toBe(
    `attachment; filename="consumption-${from}-${to}.csv"`,
  );
  expect(csvRows(csv.text)[1]!.slice(0, 6)).toEqual([tea.id, 'Tea', tea.sku, '4', '4', '12']);
  const stored = await t.db.pool.query(
    'SELECT report, store_id FROM report_results WHERE job_id = $1',
    [jobId],
  );
  expect(stored.rows).toEqual([{ report: 'consumption', store_id: s.storeId }]);
});

test('when a custom report and a valuation run as jobs, then each downloads its own shape', async () => {
  const { s } = await shop();
  const custom = (
    await start(s, {
      report: 'custom',
      params: { dataset: 'products', fields: ['name', 'quantity'] },
    }).expect(202)
  ).body.data.jobId;
  const valuation = (
    await start(s, { report: 'valuation', params: { groupBy: 'product' } }).expect(202)
  ).body.data.jobId;
  await t.services.jobs.drain();
  const rows = (await s.api.get(`${s.url}/reports/jobs/${custom}/download`).set(s.auth).expect(200))
    .body.data.rows;
  expect(rows).toEqual([{ name: 'Tea', quantity: 96 }]);
  const csv = await s.api
    .get(`${s.url}/reports/jobs/${custom}/download?format=csv`)
    .set(s.auth)
    .expect(200);
  expect(csv.headers['content-disposition']).toBe(
    `attachment; filename="custom-products-${dayAgo(0)}-${dayAgo(0)}.csv"`,
  );
  const v = (await s.api.get(`${s.url}/reports/jobs/${valuation}/download`).set(s.auth).expect(200))
    .body.data;
  expect(v.totals).toEqual({ units: 96, costValue: 96, retailValue: 288, potentialMargin: 192 });
});

test('when the params are wrong, then 400 names params.<field> and nothing is queued', async () => {
  const { s } = await shop();
  const fieldsOf = async (body: object) =>
    (await start(s, body).expect(400)).body.error.details.map((d: { field: string }) => d.field);
  expect(await fieldsOf({ report: 'sales' })).toEqual(['report']);
  expect(await fieldsOf({ report: 'consumption', params: { from: '2026-13-01' } })).toEqual([
    'params.from',
  ]);
  expect(await fieldsOf({ report: 'waste', params: { groupBy: 'supplier' } })).toEqual([
    'params.groupBy',
  ]);
  expect(await fieldsOf({ report: 'valuation', params: { format: 'csv' } })).toEqual(['params']);
  expect(
    await fieldsOf({
      report: 'custom',
      params: { dataset: 'products', fields: ['name; DROP TABLE products'] },
    }),
  ).toEqual(['params.fields.0']);
  const jobs = await t.db.pool.query('SELECT count(*)::int AS n FROM jobs WHERE store_id = $1', [
    s.storeId,
  ]);
  expect(jobs.rows[0].n).toBe(0);
});

test("another store's job is 404, a job that is not a report is 404, and an employee may neither start nor download", async () => {
  const { s } = await shop();
  const { jobId } = (await start(s, { report: 'valuation' }).expect(202)).body.data;
  await t.services.jobs.drain();
  const other = await storeWithMember(t, 'manager');
  await other.api.get(`${other.url}/reports/jobs/${jobId}/download`).set(other.auth).expect(404);
  await other.api.get(`${s.url}/reports/jobs/${jobId}/download`).set(other.auth).expect(403);
  const employee = await memberOf(t, s.storeId, 'employee');
  await t.api.get(`${s.url}/reports/jobs/${jobId}/download`).set(employee.auth).expect(403);
  await t.api
    .post(`${s.url}/reports/jobs`)
    .set(employee.auth)
    .send({ report: 'valuation' })
    .expect(403);
  const notReport = await t.db.pool.query(
    `INSERT INTO jobs (store_id, type, payload, status) VALUES ($1, 'products.import', '{}', 'succeeded') RETURNING id`,
    [s.storeId],
  );
  await s.api.get(`${s.url}/reports/jobs/${notReport.rows[0].id}/download`).set(s.auth).expect(404);
  await s.api.get(`${s.url}/reports/jobs/not-an-id/download`).set(s.auth).expect(400);
});

test('when a report job failed, then its download is 409 with the error', async () => {
  const { s } = await shop();
  const failed = await t.db.pool.query(
    `INSERT INTO jobs (store_id, type, payload, status, error)
     VALUES ($1, 'reports.run', '{}', 'failed', 'statement timeout') RETURNING id`,
    [s.storeId],
  );
  const res = await s.api
    .get(`${s.url}/reports/jobs/${failed.rows[0].id}/download`)
    .set(s.auth)
    .expect(409);
  expect(res.body.error.message).toBe('The report job failed: statement timeout');
});
