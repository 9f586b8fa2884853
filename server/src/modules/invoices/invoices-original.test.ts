import { useTestApp } from '../../test/app';
import { countRows, memberOf, storeWithMember } from '../../test/factories';
import { csvOf, textPdf, uploadInvoice } from '../../test/invoices';
import { bytesOrJson } from '../../test/requests';

/** An invoice keeps the file it was read from, for those who may process invoices. */
const t = useTestApp();

const download = (s: Awaited<ReturnType<typeof storeWithMember>>, invoiceId: string) =>
  s.api.get(`${s.url}/invoices/${invoiceId}/file`).set(s.auth).buffer(true).parse(bytesOrJson);

const TABLE = [
  ['Description', 'Qty', 'Unit Cost', 'Total'],
  ['Organic Milk 1L', 12, 1.25, 15],
];

test('when an invoice is uploaded, then its original downloads byte for byte under its sanitised name', async () => {
  const s = await storeWithMember(t, 'manager');
  const pdf = await textPdf(['Invoice No: INV-9', 'Organic Milk 1L 12 1.25 15.00']);
  const res = await uploadInvoice(s, pdf, 'C:\\fakepath\\march invoice.pdf').expect(201);
  const got = await download(s, res.body.data.invoiceId).expect(200);
  expect(got.headers['content-type']).toBe('application/pdf');
  expect(got.headers['content-disposition']).toBe('attachment; filename="march invoice.pdf"');
  expect((got.body as Buffer).equals(pdf)).toBe(true);

  const csv = csvOf(TABLE);
  const second = await uploadInvoice(s, csv, 'acme.csv').expect(201);
  const original = await download(s, second.body.data.invoiceId).expect(200);
  expect(original.headers['content-type']).toMatch(/^text\/csv/);
  expect((original.body as Buffer).equals(csv)).toBe(true);
});

test('when an invoice cannot be read, then no file is kept either', async () => {
  const s = await storeWithMember(t, 'manager');
  await uploadInvoice(s, csvOf([['no', 'table', 'here']]), 'bad.csv').expect(422);
  await uploadInvoice(s, Buffer.alloc(0), 'empty.csv').expect(422);
  expect(await countRows(t, 'files', s.storeId)).toBe(0);
  expect(await countRows(t, 'invoices', s.storeId)).toBe(0);
});

test("when another store's member or an employee asks for the original, then it is 404 or 403", async () => {
  const s = await storeWithMember(t, 'admin');
  const res = await uploadInvoice(s, csvOf(TABLE), 'acme.csv').expect(201);
  const id = res.body.data.invoiceId;
  const other = await storeWithMember(t, 'admin');
  expect((await download(other, id).expect(404)).body.error.code).toBe('NOT_FOUND');
  const employee = await memberOf(t, s.storeId, 'employee');
  await download(employee, id).expect(403);
});

test('when the file name is not ASCII, then it is kept as the browser sent it (UTF-8), and downloads under it', async () => {
  const s = await storeWithMember(t, 'manager');
  const res = await uploadInvoice(s, csvOf(TABLE), 'Fäktura-Müller.csv').expect(201);
  const id = res.body.data.invoiceId;
  const invoice = (await s.api.get(`${s.url}/invoices/${id}`).set(s.auth).expect(200)).body.data;
  expect(invoice.fileName).toBe('Fäktura-Müller.csv');
  const got = await download(s, id).expect(200);
  expect(got.headers['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent('Fäktura-Müller.csv')}`,
  );
});
