import { useTestApp } from '../../test/app';
import { createSupplier, storeWithMember, type StoreMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';

/** The invoice list: overdue derived from the due date, filters, cursor pages; paid and pending. */
const t = useTestApp();

async function invoice(
  s: StoreMember,
  fields: { no: string; date: string; due: string; qty: number },
  supplierId?: string,
) {
  const res = await uploadInvoice(
    s,
    csvOf([
      ['Invoice No', fields.no, 'Date', fields.date, 'Due', fields.due],
      ['Item', 'Qty', 'Price'],
      ['Tea', fields.qty, 10],
    ]),
    `${fields.no}.csv`,
    supplierId ? { supplierId } : {},
  ).expect(201);
  return res.body.data.invoiceId as string;
}

const ids = async (s: StoreMember, query: string) =>
  (await s.api.get(`${s.url}/invoices?${query}`).set(s.auth).expect(200)).body.data.map(
    (i: { id: string }) => i.id,
  );

test('when invoices are listed, then overdue is derived from the due date, filters combine, pages follow a cursor, and marking paid takes one out of overdue', async () => {
  const s = await storeWithMember(t, 'admin');
  const acme = await createSupplier(s, { name: 'Acme' });
  const late = await invoice(
    s,
    { no: 'L-1', date: '2026-01-10', due: '2026-02-10', qty: 1 },
    acme.id,
  );
  const open = await invoice(s, { no: 'O-1', date: '2026-11-01', due: '2099-01-01', qty: 5 });
  const noDue = await invoice(s, { no: 'N-1', date: '2026-06-15', due: '', qty: 30 }, acme.id);

  const all = (await s.api.get(`${s.url}/invoices`).set(s.auth).expect(200)).body;
  expect(all.data.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
    [noDue, 'pending'],
    [open, 'pending'],
    [late, 'overdue'],
  ]);
  expect(all.pagination).toEqual(expect.objectContaining({ total: 3, hasNext: false }));
  expect(await ids(s, 'status=overdue')).toEqual([late]);
  expect(await ids(s, 'status=pending')).toEqual([noDue, open]);
  expect(await ids(s, `supplierId=${acme.id}`)).toEqual([noDue, late]);
  expect(await ids(s, 'dateFrom=2026-06-01&dateTo=2026-11-01')).toEqual([noDue, open]);
  expect(await ids(s, 'minTotal=50&maxTotal=100')).toEqual([open]);
  expect(await ids(s, `minTotal=10&supplierId=${acme.id}&status=overdue`)).toEqual([late]);

  const first = (await s.api.get(`${s.url}/invoices?limit=2`).set(s.auth).expect(200)).body;
  expect(first.pagination.nextCursor).toEqual(expect.any(String));
  expect(await ids(s, `limit=2&cursor=${first.pagination.nextCursor}`)).toEqual([late]);

  // Not reconciled: paying it is confirmed (issue 16).
  const paid = await s.api
    .put(`${s.url}/invoices/${late}/status`)
    .set(s.auth)
    .send({ status: 'paid', confirm: { unreconciled: true } })
    .expect(200);
  expect(paid.body.data).toEqual(
    expect.objectContaining({ status: 'paid', paidAt: expect.any(String) }),
  );
  expect(await ids(s, 'status=overdue')).toEqual([]);
  expect(await ids(s, 'status=paid')).toEqual([late]);
  const back = await s.api
    .put(`${s.url}/invoices/${late}/status`)
    .set(s.auth)
    .send({ status: 'pending' })
    .expect(200);
  expect(back.body.data).toEqual(expect.objectContaining({ status: 'overdue', paidAt: null }));
  const { rows } = await t.db.pool.query('SELECT status FROM invoices WHERE id = $1', [late]);
  expect(rows[0].status).toBe('pending');

  const refused = await s.api
    .put(`${s.url}/invoices/${late}/status`)
    .set(s.auth)
    .send({ status: 'overdue' })
    .expect(400);
  expect(refused.body.error.details[0]).toEqual(
    expect.objectContaining({
      field: 'status',
      message: expect.stringMatching(/follows from the due date/),
    }),
  );
  const feed = await t.api.get(`${s.url}/events?type=invoice.updated`).set(s.auth).expect(200);
  expect(
    feed.body.data.map(
      (e: { payload: { change: string; status: string } }) =>
        `${e.payload.change}:${e.payload.status}`,
    ),
  ).toEqual([
    'uploaded:pending',
    'uploaded:pending',
    'uploaded:pending',
    'status:paid',
    'status:pending',
  ]);
});

test('when list filters are malformed, then 400 names them', async () => {
  const s = await storeWithMember(t);
  for (const [query, field] of [
    ['status=late', 'status'],
    ['dateFrom=yesterday', 'dateFrom'],
    ['dateFrom=2026-02-01&dateTo=2026-01-01', 'dateFrom'],
    ['minTotal=abc', 'minTotal'],
    ['minTotal=10&maxTotal=5', 'minTotal'],
    ['supplierId=42', 'supplierId'],
    ['cursor=nonsense', 'cursor'],
    ['sort=total', 'sort'],
  ]) {
    const res = await s.api.get(`${s.url}/invoices?${query}`).set(s.auth).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  }
});
