import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, memberOf, storeWithMember } from '../../test/factories';

const t = useTestApp();

/** An invoice of the supplier dated `day` with one line of the product at `unitCost`. */
async function invoice(
  storeId: string,
  supplierId: string,
  productId: string,
  day: string,
  unitCost: number,
) {
  await t.db.pool.query(
    `WITH i AS (
       INSERT INTO invoices (store_id, supplier_id, invoice_date, file_name, file_type, file_size)
       VALUES ($1, $2, $3, 'inv.csv', 'csv', 10) RETURNING id
     )
     INSERT INTO invoice_lines (store_id, invoice_id, position, quantity, unit_cost, product_id)
     SELECT $1, i.id, 0, 10, $4, $5 FROM i`,
    [storeId, supplierId, day, unitCost, productId],
  );
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('when a supplier invoices a product dearer than on its previous invoice, then managers see a cost increase with its severity and action', async () => {
  const s = await storeWithMember(t, 'manager');
  const acme = await createSupplier(s, { name: 'Acme' });
  const coffee = await createProduct(s, { name: 'Coffee' });
  const tea = await createProduct(s, { name: 'Tea' });
  await invoice(s.storeId, acme.id, coffee.id, daysAgo(40), 10);
  await invoice(s.storeId, acme.id, coffee.id, daysAgo(5), 13.5); // +35%
  await invoice(s.storeId, acme.id, tea.id, daysAgo(20), 4);
  await invoice(s.storeId, acme.id, tea.id, daysAgo(2), 4.1); // +2.5%: noise

  const res = await s.api.get(`${s.url}/anomalies`).set(s.auth).expect(200);
  expect(res.body.data).toEqual([
    expect.objectContaining({
      type: 'cost_increase',
      severity: 'high',
      productId: coffee.id,
      productName: 'Coffee',
      date: daysAgo(5),
      observed: 13.5,
      expected: 10,
      changePercent: 35,
      supplierId: acme.id,
      supplierName: 'Acme',
      message: expect.stringMatching(/up 35% from 10\.00/),
      suggestedAction: expect.stringMatching(/compare suppliers/i),
    }),
  ]);
  const medium = await s.api.get(`${s.url}/anomalies?severity=medium`).set(s.auth).expect(200);
  expect(medium.body.data).toEqual([]);
  // Older than the window asked.
  const recent = await s.api.get(`${s.url}/anomalies?days=3`).set(s.auth).expect(200);
  expect(recent.body.data).toEqual([]);

  const employee = await memberOf(t, s.storeId, 'employee');
  expect(
    (await employee.api.get(`${s.url}/anomalies`).set(employee.auth).expect(200)).body.data,
  ).toEqual([]);
  await employee.api.get(`${s.url}/anomalies?type=cost_increase`).set(employee.auth).expect(403);
});

test('when the filters are not valid, then it is 400 naming them; another store is 403', async () => {
  const s = await storeWithMember(t);
  const get = (q: string) => s.api.get(`${s.url}/anomalies?${q}`).set(s.auth);
  for (const [q, field] of [
    ['type=price_drop', 'type'],
    ['severity=extreme', 'severity'],
    ['days=0', 'days'],
    ['days=366', 'days'],
    [`days=${encodeURIComponent('1; DROP TABLE sales')}`, 'days'],
    ['limit=5', 'limit'],
  ]) {
    const res = await get(q!).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  }
  const other = await storeWithMember(t);
  await other.api.get(`${s.url}/anomalies`).set(other.auth).expect(403);
});
