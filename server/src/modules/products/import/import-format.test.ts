import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { useTestApp } from '../../../test/app';
import { countRows, storeWithMember } from '../../../test/factories';
import { downloadExport, uploadProducts } from '../../../test/requests';
import { PDF, str, xlsxOfRows } from '../../../test/spreadsheets';

const t = useTestApp();

async function workbook() {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Stock');
  sheet.addRow(['SKU', 'Name', 'Price', 'Expires At']);
  sheet.addRow(['W-1', 'From a workbook', 2.5, new Date(Date.UTC(2031, 0, 31))]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function zipOf(parts: Record<string, string>) {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

test('when a valid XLSX is uploaded named .csv, typed text/plain, with no options, then it is read as XLSX', async () => {
  const s = await storeWithMember(t);
  const res = await uploadProducts(s, await workbook(), 'products.csv', {
    contentType: 'text/plain',
  }).expect(200);
  expect(res.body.data.summary).toEqual(expect.objectContaining({ created: 1, failed: 0 }));
  const p = (await t.api.get(`${s.url}/products?search=W-1`).set(s.auth)).body.data[0];
  expect(p).toEqual(expect.objectContaining({ price: 2.5, expiresAt: '2031-01-31' }));
});

test('when CSV text is uploaded as notes.txt of type application/octet-stream, then it is read as CSV', async () => {
  const s = await storeWithMember(t);
  const csv = Buffer.from('name,price\nPlain text,1\n');
  await uploadProducts(s, csv, 'notes.txt', {
    contentType: 'application/octet-stream',
  }).expect(200);
  expect(await countRows(t, 'products', s.storeId)).toBe(1);
});

test.each([
  ['a PDF named .csv', async () => PDF, /Upload a \.csv or \.xlsx file/],
  [
    'a PNG',
    async () => Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108', 'hex'),
    /Upload/,
  ],
  [
    'an old .xls',
    async () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
    /Upload/,
  ],
  ['a zip that is no workbook', () => zipOf({ 'word/document.xml': '<w:document/>' }), /Upload/],
  ['UTF-16 text', async () => Buffer.from('\ufeffname,price\nMilk,1\n', 'utf16le'), /Upload/],
  ['Latin-1 text', async () => Buffer.from('name,price\nCafé crème,1\n', 'latin1'), /CSV UTF-8/],
])('when the upload is %s, then 415 and nothing is stored', async (_label, file, message) => {
  const s = await storeWithMember(t);
  const res = await uploadProducts(s, await file(), 'products.csv', {
    contentType: 'text/csv',
  }).expect(415);
  expect(res.body.error).toEqual(
    expect.objectContaining({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringMatching(message),
    }),
  );
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
});

const wide = ['name', 'price', ...Array.from({ length: 99 }, (_, i) => `note${i}`)].join(',');
test.each([
  [
    'a CSV of 101 columns',
    async () => Buffer.from(`${wide}\n`),
    /Row 1 has 101 columns; an import reads at most 100/,
  ],
  [
    'a CSV cell of 40,000 characters',
    async () => Buffer.from(`name,price\n${'x'.repeat(40_000)},1\n`),
    /Row 2, column A: a cell holds more than 32767 characters/,
  ],
  [
    'an XLSX value in column CW',
    () =>
      xlsxOfRows([
        `<row r="1">${str('A1', 'name')}${str('B1', 'price')}</row>`,
        `<row r="2">${str('A2', 'x')}<c r="CW2"><v>1</v></c></row>`,
      ]),
    /Row 2 has a value in column CW; an import reads at most 100 columns/,
  ],
  [
    'an XLSX cell of 40,000 characters',
    () =>
      xlsxOfRows([
        `<row r="1">${str('A1', 'name')}${str('B1', 'price')}</row>`,
        `<row r="2">${str('A2', 'x'.repeat(40_000))}</row>`,
      ]),
    /Row 2, column A: a cell holds more than 32767 characters/,
  ],
  [
    'a zip of 2,001 parts',
    () =>
      zipOf(
        Object.fromEntries([
          ['xl/workbook.xml', '<workbook/>'],
          ...Array.from({ length: 2000 }, (_, i) => [`x/${i}`, '']),
        ]),
      ),
    /holds 2001 parts; a workbook has at most 2000/,
  ],
])(
  'when the file has %s, then 422 naming the limit, nothing stored',
  async (_label, file, message) => {
    const s = await storeWithMember(t);
    const res = await uploadProducts(s, await file(), 'limits.xlsx').expect(422);
    expect(res.body.error).toEqual(
      expect.objectContaining({ code: 'UNPROCESSABLE', message: expect.stringMatching(message) }),
    );
    expect(await countRows(t, 'products', s.storeId)).toBe(0);
  },
);

test('when a job file is unreadable (a bad header, too many rows, too many texts), then the job fails at once with the reason, without retries', async () => {
  const s = await storeWithMember(t);
  const badHeader = Buffer.from(`title,cost\n${'Milk,1\n'.repeat(3000)}`);
  const tooLong = Buffer.from(`name,price\n${'a,1\n'.repeat(500_001)}`);
  const manyTexts = await xlsxOfRows(
    ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'],
    (function* () {
      yield '<si><t>name</t></si><si><t>price</t></si>';
      for (let i = 0; i < 1_500_000; i++) yield `<si><t>${i}</t></si>`;
    })(),
  );
  const ids = [];
  for (const file of [badHeader, tooLong, manyTexts])
    ids.push((await uploadProducts(s, file, 'p.csv').expect(202)).body.data.jobId);
  await t.services.jobs.drain();
  const { rows } = await t.db.pool.query(
    'SELECT status, error, attempts FROM jobs WHERE id = ANY($1) ORDER BY array_position($1, id)',
    [ids],
  );
  expect(rows).toEqual([
    { status: 'failed', attempts: 1, error: expect.stringMatching(/first row must be a header/) },
    {
      status: 'failed',
      attempts: 1,
      error: expect.stringMatching(/has 500001 rows after the header; at most 500000/),
    },
    {
      status: 'failed',
      attempts: 1,
      error: expect.stringMatching(/more than 1500000 distinct texts/),
    },
  ]);
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
});

test('when a job resumes from its checkpoint, then it imports only the rows after it and still knows the SKUs before it', async () => {
  const s = await storeWithMember(t);
  const lines = ['sku,name,price'];
  for (let i = 1; i <= 3000; i++)
    lines.push(`${i === 2 || i === 2499 ? 'DUP' : `R-${i}`},Item ${i},1`);
  const jobId = (await uploadProducts(s, Buffer.from(lines.join('\n')), 'p.csv').expect(202)).body
    .data.jobId;
  // As a crashed first attempt would have left it: rows through line 2001 committed.
  const done = { total: 2000, created: 2000, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  await t.db.pool.query('UPDATE jobs SET checkpoint = $2 WHERE id = $1', [
    jobId,
    JSON.stringify({ row: 2001, state: { summary: done, errors: [], seenSkus: ['DUP'] } }),
  ]);
  await t.services.jobs.drain();
  const job = (await t.api.get(`${s.url}/jobs/${jobId}`).set(s.auth).expect(200)).body.data;
  expect(job.result.summary).toEqual({ ...done, total: 3000, created: 2999, failed: 1 });
  expect(job.result.errors).toEqual([
    { row: 2500, field: 'sku', message: 'appears more than once in the file' },
  ]);
  const { rows } = await t.db.pool.query(
    "SELECT count(*)::int AS n, bool_or(sku = 'R-2000') AS before, bool_or(sku = 'R-2001') AS after FROM products WHERE store_id = $1",
    [s.storeId],
  );
  expect(rows[0]).toEqual({ n: 999, before: false, after: true });
});

test('when an XLSX export is imported into another store, then it recreates the products', async () => {
  const s = await storeWithMember(t);
  await uploadProducts(
    s,
    Buffer.from('sku,name,price,quantity,active\nE-1,Exported,3.5,4,false\n'),
    'p.csv',
  ).expect(200);
  const xlsx = await downloadExport(t.app, s, 'xlsx').expect(200);
  const copy = await storeWithMember(t);
  await uploadProducts(copy, xlsx.body as Buffer, 'export.xlsx').expect(200);
  const p = (await t.api.get(`${copy.url}/products?search=E-1`).set(copy.auth)).body.data[0];
  expect(p).toEqual(
    expect.objectContaining({ name: 'Exported', price: 3.5, quantity: 4, active: false }),
  );
});
