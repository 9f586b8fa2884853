import { useTestApp } from '../../test/app';
import { createSupplier, memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { feedOf } from '../../test/purchasing';

/** An invoice's number and date given at upload (over what the file says) and corrected later. */
const t = useTestApp();

const file = (number: string, vendor: string) =>
  csvOf([
    ['Vendor', vendor, 'Invoice No', number, 'Date', '2026-03-01'],
    ['Description', 'Qty', 'Unit Cost', 'Total'],
    ['Whole milk', 10, 2, 20],
  ]);

const patch = (s: StoreMember, id: string, body: object) =>
  s.api.patch(`${s.url}/invoices/${id}`).set(s.auth).send(body);

const header = async (id: string) =>
  (
    await t.db.pool.query(
      'SELECT invoice_number, invoice_date::text AS invoice_date FROM invoices WHERE id = $1',
      [id],
    )
  ).rows[0];

async function uploaded(fields: Record<string, string> = {}) {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Dairy Direct' });
  const res = await uploadInvoice(s, file('DD-1', 'Dairy Direct'), 'dd.csv', {
    supplierId: supplier.id,
    ...fields,
  }).expect(201);
  return { s, supplier, invoice: res.body.data.invoice, id: res.body.data.invoiceId as string };
}

test('when a number and date are given with the upload, then the invoice has them, not what the file says', async () => {
  const { invoice, id } = await uploaded({
    invoiceNumber: 'INV-2026-77',
    invoiceDate: '2026-03-04',
  });
  expect(invoice).toMatchObject({ invoiceNumber: 'INV-2026-77', invoiceDate: '2026-03-04' });
  expect(await header(id)).toEqual({ invoice_number: 'INV-2026-77', invoice_date: '2026-03-04' });
});

test('when the upload gives a bad date or an empty number, then 400 naming the field and nothing is stored', async () => {
  const s = await storeWithMember(t, 'manager');
  for (const [fields, field] of [
    [{ invoiceDate: '04/03/2026' }, 'invoiceDate'],
    [{ invoiceNumber: '   ' }, 'invoiceNumber'],
  ] as const) {
    const res = await uploadInvoice(s, file('DD-2', 'Dairy Direct'), 'dd.csv', fields).expect(400);
    expect(res.body.error.details[0].field).toBe(field);
  }
  const { rows } = await t.db.pool.query('SELECT 1 FROM invoices WHERE store_id = $1', [s.storeId]);
  expect(rows).toEqual([]);
});

test('when a manager corrects the number and date, then the invoice keeps them, also once paid, and the feed says so', async () => {
  const { s, id } = await uploaded();
  expect(await header(id)).toEqual({ invoice_number: 'DD-1', invoice_date: '2026-03-01' });
  const res = await patch(s, id, { invoiceNumber: 'DD-1A', invoiceDate: '2026-03-02' }).expect(200);
  expect(res.body.data).toMatchObject({ invoiceNumber: 'DD-1A', invoiceDate: '2026-03-02' });

  await s.api
    .put(`${s.url}/invoices/${id}/status`)
    .set(s.auth)
    .send({ status: 'paid', confirm: { unreconciled: true, totalMismatch: true } })
    .expect(200);
  await patch(s, id, { invoiceDate: null }).expect(200);
  expect(await header(id)).toEqual({ invoice_number: 'DD-1A', invoice_date: null });
  const feed = await feedOf(s, 'invoice.updated');
  expect(feed).toContainEqual({ invoiceId: id, status: 'pending', change: 'details' });
  expect(feed).toContainEqual({ invoiceId: id, status: 'paid', change: 'details' });
});

test("when the new number is the same supplier's other invoice's, then 409 and nothing changes", async () => {
  const { s, supplier, id } = await uploaded();
  await uploadInvoice(s, file('DD-9', 'Dairy Direct'), 'dd9.csv', {
    supplierId: supplier.id,
  }).expect(201);
  const res = await patch(s, id, { invoiceNumber: 'DD-9', invoiceDate: '2026-05-05' }).expect(409);
  expect(res.body.error.details[0].field).toBe('invoiceNumber');
  expect(await header(id)).toEqual({ invoice_number: 'DD-1', invoice_date: '2026-03-01' });
});

test('when the correction is bad, from an employee or from another store, then 400, 403 or 404 and nothing changes', async () => {
  const { s, id } = await uploaded();
  for (const [body, field] of [
    [{ invoiceDate: '2026-02-30' }, 'invoiceDate'],
    [{ invoiceNumber: '' }, 'invoiceNumber'],
    [{ invoiceNumber: 'x'.repeat(65) }, 'invoiceNumber'],
    [{ invoiceNumber: 'A', total: 5 }, 'total'],
  ] as const) {
    const res = await patch(s, id, body).expect(400);
    expect(res.body.error.details[0].field).toBe(field);
  }
  const employee = await memberOf(t, s.storeId, 'employee');
  await patch(employee, id, { invoiceNumber: 'E-1' }).expect(403);
  const other = await storeWithMember(t, 'manager');
  await patch(other, id, { invoiceNumber: 'O-1' }).expect(404);
  expect(await header(id)).toEqual({ invoice_number: 'DD-1', invoice_date: '2026-03-01' });
});
