import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import { sell } from '../../test/shopping-lists';
import { csvRows } from '../../test/reports';

/** Reports saved under a name and run again. */
const t = useTestApp();

const units = {
  dataset: 'sale_items',
  fields: ['productName'],
  groupBy: ['productName'],
  aggregates: [{ field: 'quantity', fn: 'sum' }],
  sort: [{ field: 'sum_quantity', direction: 'desc' }],
};

const save = (s: StoreMember, body: object) =>
  s.api.post(`${s.url}/reports/saved`).set(s.auth).send(body);

test('when a custom report is saved and run later, then it answers as the custom report does, with the sales made since', async () => {
  const s = await storeWithMember(t, 'manager');
  const cola = await createProduct(s, { name: 'Cola', initialQuantity: 50 });
  await sell(s, cola.id, 3, 1);
  const saved = (
    await save(s, { name: 'Units by product', report: 'custom', params: units }).expect(201)
  ).body.data;
  expect(saved).toEqual(
    expect.objectContaining({ name: 'Units by product', report: 'custom', createdBy: s.user.id }),
  );
  const { rows } = await t.db.pool.query(
    'SELECT name, report, params FROM saved_reports WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows).toEqual([
    expect.objectContaining({
      name: 'Units by product',
      report: 'custom',
      params: expect.objectContaining({ dataset: 'sale_items' }),
    }),
  ]);

  const first = await s.api.get(`${s.url}/reports/saved/${saved.id}/run`).set(s.auth).expect(200);
  expect(first.body.data.rows).toEqual([{ productName: 'Cola', sum_quantity: 3 }]);
  await sell(s, cola.id, 2, 0);
  const again = await s.api.get(`${s.url}/reports/saved/${saved.id}/run`).set(s.auth).expect(200);
  expect(again.body.data.rows).toEqual([{ productName: 'Cola', sum_quantity: 5 }]);
  // The same as running the request itself.
  const direct = await s.api.post(`${s.url}/reports/custom`).set(s.auth).send(units).expect(200);
  expect(again.body.data).toEqual(direct.body.data);
  const csv = await s.api
    .get(`${s.url}/reports/saved/${saved.id}/run?format=csv`)
    .set(s.auth)
    .expect(200);
  expect(csvRows(csv.text)[1]).toEqual(['Cola', '5']);
});

test('when a period report is saved, then it is listed by name and runs as its route with its params', async () => {
  const s = await storeWithMember(t, 'viewer');
  const a = await save(s, {
    name: 'this month',
    report: 'consumption',
    params: { period: 'month', groupBy: 'category' },
  }).expect(201);
  await save(s, { name: 'Stock value', report: 'valuation' }).expect(201);
  const list = (await s.api.get(`${s.url}/reports/saved`).set(s.auth).expect(200)).body.data;
  expect(list.map((r: { name: string }) => r.name)).toEqual(['Stock value', 'this month']);
  expect(a.body.data.params).toEqual({ period: 'month', groupBy: 'category' });
  const run = await s.api
    .get(`${s.url}/reports/saved/${a.body.data.id}/run`)
    .set(s.auth)
    .expect(200);
  expect(run.body.data.groupBy).toBe('category');
  expect(run.body.data.period.from.slice(8)).toBe('01');
});

test('when a saved report is bad, named twice, or deleted, then 400, 409 and 204 and nothing else changes', async () => {
  const s = await storeWithMember(t, 'manager');
  const bad = await save(s, {
    name: 'Bad',
    report: 'custom',
    params: { ...units, fields: ['password'] },
  }).expect(400);
  expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'params.fields.0' })]);
  const badPeriod = await save(s, {
    name: 'Bad',
    report: 'waste',
    params: { period: 'decade' },
  }).expect(400);
  expect(badPeriod.body.error.details).toEqual([
    expect.objectContaining({ field: 'params.period' }),
  ]);
  await save(s, { name: '', report: 'valuation' }).expect(400);
  const kept = (await save(s, { name: 'Stock', report: 'valuation' }).expect(201)).body.data;
  const twice = await save(s, { name: 'STOCK', report: 'valuation' }).expect(409);
  expect(twice.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM saved_reports WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows[0].n).toBe(1);
  await s.api.delete(`${s.url}/reports/saved/${kept.id}`).set(s.auth).expect(204);
  await s.api.get(`${s.url}/reports/saved/${kept.id}/run`).set(s.auth).expect(404);
  await s.api.delete(`${s.url}/reports/saved/${kept.id}`).set(s.auth).expect(404);
});

test('when another store or an employee asks for saved reports, then 404 and 403', async () => {
  const s = await storeWithMember(t, 'manager');
  const saved = (await save(s, { name: 'Stock', report: 'valuation' }).expect(201)).body.data;
  const other = await storeWithMember(t, 'manager');
  await other.api.get(`${other.url}/reports/saved/${saved.id}/run`).set(other.auth).expect(404);
  await other.api.delete(`${other.url}/reports/saved/${saved.id}`).set(other.auth).expect(404);
  expect(
    (await other.api.get(`${other.url}/reports/saved`).set(other.auth).expect(200)).body.data,
  ).toEqual([]);
  const employee = await memberOf(t, s.storeId, 'employee');
  await employee.api.get(`${s.url}/reports/saved`).set(employee.auth).expect(403);
  await save(employee, { name: 'Mine', report: 'valuation' }).expect(403);
  await employee.api.get(`${s.url}/reports/saved/${saved.id}/run`).set(employee.auth).expect(403);
  await employee.api.delete(`${s.url}/reports/saved/${saved.id}`).set(employee.auth).expect(403);
});
