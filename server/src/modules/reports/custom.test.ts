import { useTestApp } from '../../test/app';
import { createCategory, createProduct, memberOf, storeWithMember } from '../../test/factories';
import { sell } from '../../test/shopping-lists';
import { csvRows, dayAgo } from '../../test/reports';

const t = useTestApp();

async function shop() {
  const s = await storeWithMember(t, 'manager');
  const drinks = await createCategory(s, { name: 'Drinks' });
  const cola = await createProduct(s, {
    name: 'Cola',
    cost: 1,
    price: 2,
    initialQuantity: 100,
    categoryId: drinks.id,
  });
  const juice = await createProduct(s, {
    name: 'Juice',
    cost: 2,
    price: 4,
    initialQuantity: 100,
    categoryId: drinks.id,
  });
  const salt = await createProduct(s, { name: '=Salt', cost: 0.2, price: 1, initialQuantity: 100 });
  await sell(s, cola.id, 3, 1);
  await sell(s, cola.id, 2, 2);
  await sell(s, juice.id, 1, 1);
  await sell(s, salt.id, 7, 3);
  return { s, drinks, cola, juice, salt };
}
const run = (s: Awaited<ReturnType<typeof shop>>['s'], body: object) =>
  s.api.post(`${s.url}/reports/custom`).set(s.auth).send(body);

test('the schema lists the datasets, their typed fields, the operators per type and the aggregates', async () => {
  const s = await storeWithMember(t, 'viewer');
  const r = (await s.api.get(`${s.url}/reports/custom/schema`).set(s.auth).expect(200)).body.data;
  expect(r.datasets.map((d: { name: string }) => d.name)).toEqual([
    'sales',
    'sale_items',
    'stock_movements',
    'products',
    'purchase_orders',
  ]);
  const items = r.datasets.find((d: { name: string }) => d.name === 'sale_items');
  expect(items.fields).toEqual(
    expect.arrayContaining([
      { name: 'quantity', label: 'Quantity', type: 'number', groupable: true },
      { name: 'soldDate', label: 'Day sold', type: 'date', groupable: true },
    ]),
  );
  expect(r.operators.number).toEqual(expect.arrayContaining(['gt', 'between', 'in']));
  expect(r.aggregates.sum).toEqual(['number']);
  expect(r.maxLimit).toBe(10000);
});

test('when sale lines are grouped by product with sums, filtered and sorted, then the rows are the sums of what was sold', async () => {
  const { s } = await shop();
  const res = await run(s, {
    dataset: 'sale_items',
    fields: ['productName', 'category'],
    groupBy: ['productName', 'category'],
    aggregates: [
      { field: 'quantity', fn: 'sum' },
      { fn: 'count' },
      { field: 'lineTotal', fn: 'max' },
    ],
    filters: [{ field: 'soldDate', op: 'gte', value: dayAgo(2) }],
    sort: [{ field: 'sum_quantity', direction: 'desc' }],
  }).expect(200);
  expect(res.body.data.columns).toEqual([
    { name: 'productName', label: 'Product', type: 'string' },
    { name: 'category', label: 'Category', type: 'string' },
    { name: 'sum_quantity', label: 'sum of Quantity', type: 'number' },
    { name: 'count', label: 'Count', type: 'number' },
    { name: 'max_lineTotal', label: 'max of Line total', type: 'number' },
  ]);
  // Salt sold 3 days ago is filtered out.
  expect(res.body.data.rows).toEqual([
    { productName: 'Cola', category: 'Drinks', sum_quantity: 5, count: 2, max_lineTotal: 6 },
    { productName: 'Juice', category: 'Drinks', sum_quantity: 1, count: 1, max_lineTotal: 4 },
  ]);
});

test('when products are listed with in, contains and null filters and a limit, then only matching rows of this store come back', async () => {
  const { s, cola } = await shop();
  const other = await storeWithMember(t, 'manager');
  const theirs = await createProduct(other, { name: 'Cola elsewhere', price: 2 });
  const res = await run(s, {
    dataset: 'products',
    fields: ['name', 'price', 'active', 'expiresAt'],
    filters: [
      { field: 'name', op: 'contains', value: 'o' },
      { field: 'price', op: 'in', value: [2, 4] },
      { field: 'expiresAt', op: 'is_null' },
    ],
    sort: [{ field: 'name' }],
    limit: 1,
  }).expect(200);
  expect(res.body.data.rows).toEqual([{ name: 'Cola', price: 2, active: true, expiresAt: null }]);
  const byId = await run(s, {
    dataset: 'products',
    fields: ['sku'],
    filters: [{ field: 'id', op: 'eq', value: cola.id }],
  }).expect(200);
  expect(byId.body.data.rows).toEqual([{ sku: cola.sku }]);
  // The other store's product is never read, even by its own id.
  const elsewhere = await run(s, {
    dataset: 'products',
    fields: ['name'],
    filters: [{ field: 'id', op: 'eq', value: theirs.id }],
  }).expect(200);
  expect(elsewhere.body.data.rows).toEqual([]);
  // A literal % matches a percent sign, not anything.
  const percent = await run(s, {
    dataset: 'products',
    fields: ['name'],
    filters: [{ field: 'name', op: 'contains', value: '%' }],
  }).expect(200);
  expect(percent.body.data.rows).toEqual([]);
});

test('when asked as CSV, then the header is the column names and formula-like text is neutralised', async () => {
  const { s } = await shop();
  const res = await run(s, {
    dataset: 'products',
    fields: ['name', 'quantity'],
    sort: [{ field: 'name' }],
    format: 'csv',
  }).expect(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toBe(
    `attachment; filename="custom-products-${dayAgo(0)}-${dayAgo(0)}.csv"`,
  );
  expect(csvRows(res.text)).toEqual([
    ['name', 'quantity'],
    ["'=Salt", '93'],
    ['Cola', '95'],
    ['Juice', '99'],
  ]);
});

test('when the request names anything outside the whitelist or a value of the wrong type, then 400 names the field', async () => {
  const { s } = await shop();
  const fieldsOf = async (body: object) =>
    (await run(s, body).expect(400)).body.error.details.map((d: { field: string }) => d.field);
  expect(await fieldsOf({ dataset: 'users', fields: ['email'] })).toEqual(['dataset']);
  expect(await fieldsOf({ dataset: 'products', fields: ['name; DROP TABLE products'] })).toEqual([
    'fields.0',
  ]);
  expect(await fieldsOf({ dataset: 'products', fields: ['name', 'password_hash'] })).toEqual([
    'fields.1',
  ]);
  expect(
    await fieldsOf({
      dataset: 'products',
      fields: ['name'],
      filters: [{ field: 'price', op: 'contains', value: '1' }],
    }),
  ).toEqual(['filters.0.op']);
  expect(
    await fieldsOf({
      dataset: 'products',
      fields: ['name'],
      filters: [{ field: 'price', op: 'gt', value: '1 OR 1=1' }],
    }),
  ).toEqual(['filters.0.value']);
  expect(
    await fieldsOf({
      dataset: 'products',
      fields: ['name'],
      filters: [{ field: 'expiresAt', op: 'between', value: ['2026-01-01'] }],
    }),
  ).toEqual(['filters.0.value']);
  expect(
    await fieldsOf({
      dataset: 'products',
      fields: ['name'],
      filters: [{ field: 'name', op: 'like', value: 'x' }],
    }),
  ).toEqual(['filters.0.op']);
  expect(
    await fieldsOf({
      dataset: 'products',
      fields: [],
      aggregates: [{ field: 'name', fn: 'sum' }],
    }),
  ).toEqual(['aggregates.0.fn']);
  expect(
    await fieldsOf({ dataset: 'products', fields: ['name'], aggregates: [{ fn: 'median' }] }),
  ).toEqual(['aggregates.0.fn']);
  expect(
    await fieldsOf({ dataset: 'products', fields: ['name'], aggregates: [{ fn: 'count' }] }),
  ).toEqual(['fields.0']);
  expect(await fieldsOf({ dataset: 'sales', fields: ['note'], groupBy: ['note'] })).toEqual([
    'groupBy.0',
  ]);
  expect(
    await fieldsOf({ dataset: 'products', fields: ['name'], sort: [{ field: 'price' }] }),
  ).toEqual(['sort.0.field']);
  expect(await fieldsOf({ dataset: 'products', fields: ['name'], limit: 10001 })).toEqual([
    'limit',
  ]);
  expect(await fieldsOf({ dataset: 'products', fields: ['name'], sql: 'SELECT 1' })).toEqual([
    'sql',
  ]);
  // Nothing was dropped.
  expect(
    (
      await t.db.pool.query('SELECT count(*)::int AS n FROM products WHERE store_id = $1', [
        s.storeId,
      ])
    ).rows[0].n,
  ).toBe(3);
});

test('an employee may not run or see custom reports', async () => {
  const { s } = await shop();
  const employee = await memberOf(t, s.storeId, 'employee');
  await t.api.get(`${s.url}/reports/custom/schema`).set(employee.auth).expect(403);
  await t.api
    .post(`${s.url}/reports/custom`)
    .set(employee.auth)
    .send({ dataset: 'products', fields: ['name'] })
    .expect(403);
});

test('every field of every dataset can be shown, filtered, grouped and aggregated (the whitelist is valid SQL)', async () => {
  const { s } = await shop();
  const schema = (await s.api.get(`${s.url}/reports/custom/schema`).set(s.auth).expect(200)).body
    .data;
  for (const d of schema.datasets as Array<{
    name: string;
    fields: Array<{ name: string; type: string; groupable: boolean }>;
  }>) {
    const all = d.fields.map((f) => f.name);
    const rows = await run(s, {
      dataset: d.name,
      fields: all,
      filters: d.fields.map((f) => ({ field: f.name, op: 'not_null' })).slice(0, 20),
    });
    expect([d.name, rows.status]).toEqual([d.name, 200]);
    for (const f of d.fields.filter((x) => x.groupable)) {
      const fn =
        f.type === 'number' ? 'sum' : f.type === 'boolean' || f.type === 'uuid' ? 'count' : 'max';
      const grouped = await run(s, {
        dataset: d.name,
        fields: [f.name],
        groupBy: [f.name],
        aggregates: [{ field: f.name, fn }, { fn: 'count' }],
        sort: [{ field: 'count', direction: 'desc' }],
      });
      expect([d.name, f.name, grouped.status]).toEqual([d.name, f.name, 200]);
    }
  }
});

test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
  'when the dataset or a field is named %s (a name every object inherits), then 400 names it, in the request and as a job, and nothing is queued',
  async (name) => {
    const s = await storeWithMember(t, 'manager');
    const dataset = await run(s, { dataset: name, fields: ['name'] }).expect(400);
    expect(dataset.body.error.details).toEqual([
      expect.objectContaining({
        field: 'dataset',
        message: expect.stringMatching(/not a dataset/),
      }),
    ]);
    const field = await run(s, {
      dataset: 'products',
      fields: [name],
      filters: [{ field: name, op: 'eq', value: 1 }],
      aggregates: [{ field: name, fn: 'sum' }],
    }).expect(400);
    expect(field.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'aggregates.0.field',
      'fields.0',
      'filters.0.field',
    ]);
    const job = await s.api
      .post(`${s.url}/reports/jobs`)
      .set(s.auth)
      .send({ report: 'custom', params: { dataset: name, fields: ['name'] } })
      .expect(400);
    expect(job.body.error.details).toEqual([expect.objectContaining({ field: 'params.dataset' })]);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM jobs WHERE store_id = $1',
      [s.storeId],
    );
    expect(rows[0].n).toBe(0);
  },
);
