import ExcelJS from 'exceljs';
import request from 'supertest';
import { useTestApp } from '../../../test/app';
import {
  countRows,
  createProduct,
  createSupplier,
  memberOf,
  nextEan13,
  storeWithMember,
  type StoreMember,
} from '../../../test/factories';
import { downloadExport, uploadProducts } from '../../../test/requests';
import { INLINE_MAX_BYTES } from './import-limits';

const t = useTestApp();

const CSV = [
  'SKU,Name,Price,Cost,Category,Quantity,Reorder Point,Barcode,Expires At,Active',
  `MILK-1,Whole Milk,1.49,0.90,Dairy,24,6,${nextEan13()},2031-01-31,yes`,
  'BRD-1,Sourdough,3.20,1.10,Bakery,10,2,,,true',
  'BAD-1,,2.00,,Dairy,1,,,,',
  'BAD-2,Broken Price,abc,,,1,,,,',
  'BAD-3,Bad Barcode,1.00,,,1,,036000291453,,',
  'MILK-1,Duplicate In File,1.00,,,1,,,,',
  'EGG-1,Eggs (12),"4.10",2.00,dairy,-3,,,,',
].join('\n');

test('when a CSV is imported, then valid rows become products with their stock, and each bad row is reported with row and field', async () => {
  // A manager: the file sets costs, which an employee may not (the money rule, money-rule.test.ts).
  const s = await storeWithMember(t, 'manager');
  const res = await uploadProducts(s, Buffer.from(CSV), 'products.csv').expect(200);
  expect(res.body.data.summary).toEqual({
    total: 7,
    created: 2,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failed: 5,
  });
  expect(res.body.data.errors).toEqual([
    expect.objectContaining({ row: 4, field: 'name', message: 'is required' }),
    expect.objectContaining({ row: 5, field: 'price', message: 'must be a number' }),
    expect.objectContaining({ row: 6, field: 'barcode' }),
    expect.objectContaining({
      row: 7,
      field: 'sku',
      message: 'appears more than once in the file',
    }),
    expect.objectContaining({ row: 8, field: 'quantity' }),
  ]);
  const list = await t.api.get(`${s.url}/products?sort=sku`).set(s.auth).expect(200);
  expect(
    list.body.data.map((p: { sku: string; quantity: number; category: { name: string } }) => [
      p.sku,
      p.quantity,
      p.category.name,
    ]),
  ).toEqual([
    ['BRD-1', 10, 'Bakery'],
    ['MILK-1', 24, 'Dairy'],
  ]);
  expect(list.body.data[1]).toEqual(
    expect.objectContaining({
      price: 1.49,
      cost: 0.9,
      reorderPoint: 6,
      expiresAt: '2031-01-31',
      active: true,
    }),
  );
  const { rows } = await t.db.pool.query(
    "SELECT sum(delta)::int AS units FROM stock_movements WHERE store_id = $1 AND reason = 'import'",
    [s.storeId],
  );
  expect(rows[0].units).toBe(34);
});

test('when validateOnly is set, then every row is checked for real and nothing at all is written', async () => {
  const s = await storeWithMember(t);
  const res = await uploadProducts(s, Buffer.from(CSV), 'products.csv', {
    fields: { validateOnly: 'true' },
  }).expect(200);
  expect(res.body.data).toEqual(
    expect.objectContaining({
      validateOnly: true,
      summary: { total: 7, created: 2, updated: 0, unchanged: 0, skipped: 0, failed: 5 },
    }),
  );
  for (const table of ['products', 'categories', 'stock_movements', 'outbox_events'])
    expect(await countRows(t, table, s.storeId)).toBe(0);
});

test('existing SKUs: refused by default, skipped with skipDuplicates, updated with updateExisting, stock only with updateStock', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { name: 'Old name', sku: 'A-1', price: 1, initialQuantity: 5 });
  const csv = Buffer.from('sku,name,price,quantity\nA-1,New name,2.5,8\nB-1,Brand new,1,1\n');
  const refused = await uploadProducts(s, csv, 'p.csv').expect(200);
  expect(refused.body.data.summary).toEqual(expect.objectContaining({ created: 1, failed: 1 }));
  expect(refused.body.data.errors[0]).toEqual(expect.objectContaining({ row: 2, field: 'sku' }));
  const skipped = await uploadProducts(s, csv, 'p.csv', {
    fields: { skipDuplicates: 'true' },
  }).expect(200);
  expect(skipped.body.data.summary).toEqual(expect.objectContaining({ skipped: 2, failed: 0 }));
  // Fields update (with history); the stock the file states is left alone by default.
  const updated = await uploadProducts(s, csv, 'p.csv', {
    fields: { updateExisting: 'true' },
  }).expect(200);
  expect(updated.body.data.summary).toEqual(
    expect.objectContaining({ updated: 1, unchanged: 1, failed: 0 }),
  );
  const after = (await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200)).body.data;
  expect(after).toEqual(expect.objectContaining({ name: 'New name', price: 2.5, quantity: 5 }));
  const history = (await t.api.get(`${s.url}/products/${p.id}/history`).set(s.auth)).body.data;
  expect(history.map((h: { field: string; reason: string }) => [h.field, h.reason]).sort()).toEqual(
    [
      ['name', 'import'],
      ['price', 'import'],
    ],
  );
  // The same file again changes nothing, and says so: not even the products' updatedAt.
  const again = await uploadProducts(s, csv, 'p.csv', {
    fields: { updateExisting: 'true' },
  }).expect(200);
  expect(again.body.data.summary).toEqual(expect.objectContaining({ updated: 0, unchanged: 2 }));
  const untouched = (await t.api.get(`${s.url}/products/${p.id}`).set(s.auth)).body.data;
  expect(untouched.updatedAt).toBe(after.updatedAt);
  // With updateStock the file's quantity is set through the ledger, like a count.
  const stock = await uploadProducts(s, csv, 'p.csv', {
    fields: { updateExisting: 'true', updateStock: 'true' },
  });
  expect(stock.status).toBe(200);
  expect(stock.body.data.summary).toEqual(expect.objectContaining({ updated: 1, unchanged: 1 }));
  const mv = (await t.api.get(`${s.url}/products/${p.id}/movements`).set(s.auth).expect(200)).body
    .data;
  expect(mv[0]).toEqual(expect.objectContaining({ delta: 3, reason: 'import', quantityAfter: 8 }));
  await uploadProducts(s, csv, 'p.csv', {
    fields: { skipDuplicates: 'true', updateExisting: 'true' },
  }).expect(400);
  await uploadProducts(s, csv, 'p.csv', { fields: { updateStock: 'true' } }).expect(400);
});

test('an XLSX import reads the first sheet, with numbers, dates and booleans as cells', async () => {
  const s = await storeWithMember(t);
  await createSupplier(s, { name: 'Acme' });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Stock');
  sheet.addRow(['SKU', 'Name', 'Price', 'Supplier', 'Quantity', 'Expires At', 'Active']);
  sheet.addRow(['X-1', 'Xlsx product', 9.99, 'acme', 7, new Date(Date.UTC(2032, 4, 6)), true]);
  sheet.addRow(['X-2', 'Unknown supplier', 1, 'Nobody Inc', 1, null, false]);
  const file = Buffer.from(await book.xlsx.writeBuffer());
  const res = await uploadProducts(s, file, 'stock.xlsx').expect(200);
  expect(res.body.data.summary).toEqual(expect.objectContaining({ created: 1, failed: 1 }));
  expect(res.body.data.errors).toEqual([expect.objectContaining({ row: 3, field: 'supplier' })]);
  const p = (await t.api.get(`${s.url}/products?search=X-1`).set(s.auth).expect(200)).body.data[0];
  expect(p).toEqual(
    expect.objectContaining({
      price: 9.99,
      quantity: 7,
      expiresAt: '2032-05-06',
      supplier: expect.objectContaining({ name: 'Acme' }),
    }),
  );
});

test.each([
  ['an unbalanced quote', 'name,price\n"Milk,1\n', 'p.csv', 422],
  ['no name/price header', 'title,cost\nMilk,1\n', 'p.csv', 422],
  ['an empty file', '', 'p.csv', 422],
  ['a ragged row', 'name,price\nMilk,1,extra\n', 'p.csv', 422],
  ['a broken workbook', 'PK\u0003\u0004 not really a zip', 'p.xlsx', 422],
])(
  'when the file has %s, then a clear 4xx and nothing is written (%#)',
  async (_label, content, name, status) => {
    const s = await storeWithMember(t);
    const res = await uploadProducts(s, Buffer.from(content), name).expect(status);
    expect(res.body.success).toBe(false);
    expect(await countRows(t, 'products', s.storeId)).toBe(0);
  },
);

test('uploads without a file are 400 and over 20 MB are 413', async () => {
  const s = await storeWithMember(t);
  const none = await t.api
    .post(`${s.url}/products/import`)
    .set(s.auth)
    .field('validateOnly', 'true')
    .expect(400);
  expect(none.body.error.details[0].field).toBe('file');
  await uploadProducts(s, Buffer.alloc(21 * 1024 * 1024, 'a'), 'big.csv').expect(413);
});

test('a large file runs as a job with progress, and the job imports every row once', async () => {
  const s = await storeWithMember(t);
  // Over the inline limit (256 KB) by its descriptions: the job path with 1,200 rows to import,
  // not 4,000 (a row costs the job a savepoint, an insert and a ledger movement).
  const ROWS = 1200;
  const lines = ['sku,name,price,quantity,category,description'];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `BULK-${i},Bulk product number ${i},${(i % 50) + 1}.99,${i % 7},Cat ${i % 9},${'Shelf-stable bulk goods. '.repeat(10)}`,
    );
  const file = Buffer.from(lines.join('\n'));
  expect(file.length).toBeGreaterThan(INLINE_MAX_BYTES);
  const res = await uploadProducts(s, file, 'bulk.csv').expect(202);
  const jobId = res.body.data.jobId;
  const queued = await t.api.get(`${s.url}/jobs/${jobId}`).set(s.auth).expect(200);
  expect(queued.body.data.status).toMatch(/queued|running/);
  await t.services.jobs.drain();
  const done = await t.api.get(`${s.url}/jobs/${jobId}`).set(s.auth).expect(200);
  expect(done.body.data).toEqual(expect.objectContaining({ status: 'succeeded', progress: 100 }));
  expect(done.body.data.result.summary).toEqual({
    total: ROWS,
    created: ROWS,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
  });
  expect(await countRows(t, 'products', s.storeId)).toBe(ROWS);
  expect(await countRows(t, 'categories', s.storeId)).toBe(9);
  const { rows } = await t.db.pool.query(
    'SELECT sum(quantity)::int AS q FROM products WHERE store_id = $1',
    [s.storeId],
  );
  const expected = Array.from({ length: ROWS }, (_, i) => i % 7).reduce((a, b) => a + b, 0);
  expect(rows[0].q).toBe(expected);
  const other = await storeWithMember(t);
  await t.api.get(`${other.url}/jobs/${jobId}`).set(other.auth).expect(404);
}, 180_000);

test('export as CSV and XLSX gives every product, and importing the export into another store recreates them', async () => {
  const s = await storeWithMember(t);
  await uploadProducts(s, Buffer.from(CSV), 'products.csv').expect(200);
  // Formulas in any text column, the SKU too, are quoted so no spreadsheet runs them.
  await createProduct(s, {
    name: '=HYPERLINK("evil")',
    price: 1,
    sku: "+cmd|'/C_calc'!A0",
    brand: '@SUM(A1)',
  });
  const csv = await downloadExport(t.app, s, 'csv').expect(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  expect(csv.headers['content-disposition']).toMatch(/attachment; filename="products-.*\.csv"/);
  const text = csv.text;
  expect(text.split('\n')[0]).toBe(
    'sku,barcode,name,description,category,supplier,brand,department,unit,packSize,price,cost,reorderPoint,reorderQuantity,aisle,row,bin,expiresAt,active,quantity',
  );
  expect(text).toContain(`'=HYPERLINK`);
  expect(text).toContain(`'+cmd|`);
  expect(text).toContain(`'@SUM(A1)`);
  expect(text).not.toMatch(/(^|,)[=+@-]/m);

  const copy = await storeWithMember(t);
  const res = await uploadProducts(copy, Buffer.from(text), 'export.csv').expect(200);
  expect(res.body.data.summary).toEqual(expect.objectContaining({ created: 3, failed: 0 }));
  const names = async (st: StoreMember) =>
    (await t.api.get(`${st.url}/products?sort=sku`).set(st.auth).expect(200)).body.data.map(
      (p: { sku: string; name: string; quantity: number; price: number }) => [
        p.sku,
        p.name,
        p.quantity,
        p.price,
      ],
    );
  expect(await names(copy)).toEqual(await names(s));

  const xlsx = await downloadExport(t.app, s, 'xlsx').expect(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.body as never);
  expect(book.worksheets[0]!.rowCount).toBe(4);
  const cells: string[] = [];
  book.worksheets[0]!.eachRow((row) =>
    row.eachCell((c) => {
      expect(c.formula).toBeUndefined();
      cells.push(String(c.value));
    }),
  );
  expect(cells).toEqual(expect.arrayContaining([`'=HYPERLINK("evil")`, `'+cmd|'/C_calc'!A0`]));
  expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
  await t.api.get(`${s.url}/products/export?format=pdf`).set(s.auth).expect(400);
});

test('roles and tenancy: viewers export but cannot import; outsiders get 403', async () => {
  const s = await storeWithMember(t);
  const viewer = await memberOf(t, s.storeId, 'viewer');
  await uploadProducts(viewer, Buffer.from('name,price\nA,1\n'), 'p.csv').expect(403);
  await request(t.app).get(`${s.url}/products/export`).set(viewer.auth).expect(200);
  const other = await storeWithMember(t);
  await uploadProducts(
    { ...s, auth: other.auth },
    Buffer.from('name,price\nA,1\n'),
    'p.csv',
  ).expect(403);
  await request(t.app).get(`${s.url}/products/export`).set(other.auth).expect(403);
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
});

test('employees import new products, but updating existing ones or their stock from a file is a manager’s: 403 in words', async () => {
  const s = await storeWithMember(t, 'employee');
  const manager = await memberOf(t, s.storeId, 'manager');
  await createProduct(manager, { sku: 'E-1', name: 'Shelf price', price: 1, initialQuantity: 4 });
  const csv = Buffer.from('sku,name,price,quantity\nE-1,Cut price,0.5,40\nE-2,New one,2,3\n');
  for (const fields of [
    { updateExisting: 'true' } as Record<string, string>,
    { updateExisting: 'true', updateStock: 'true' },
    { updateExisting: 'true', validateOnly: 'true' },
  ]) {
    const res = await uploadProducts(s, csv, 'p.csv', { fields }).expect(403);
    expect(res.body.error.message).toMatch(/employee you can import new products only.*managers/);
  }
  const added = await uploadProducts(s, csv, 'p.csv', { fields: { skipDuplicates: 'true' } });
  expect(added.status).toBe(200);
  expect(added.body.data.summary).toEqual(expect.objectContaining({ created: 1, skipped: 1 }));
  const byManager = await uploadProducts(manager, csv, 'p.csv', {
    fields: { updateExisting: 'true' },
  }).expect(200);
  expect(byManager.body.data.summary).toEqual(expect.objectContaining({ updated: 1 }));
});

test('an import retried with its Idempotency-Key runs once', async () => {
  const s = await storeWithMember(t);
  const file = Buffer.from('sku,name,price,quantity\nI-1,Once,1,5\n');
  const send = () =>
    uploadProducts(s, file, 'p.csv', {
      fields: { updateExisting: 'true' },
      idempotencyKey: 'imp-1',
    });
  const a = await send().expect(200);
  const b = await send().expect(200);
  expect(b.body).toEqual(a.body);
  expect(await countRows(t, 'stock_movements', s.storeId)).toBe(1);
});

test('a supplier name two suppliers share is a row error, not a guess', async () => {
  const s = await storeWithMember(t);
  for (let i = 0; i < 2; i++) await createSupplier(s, { name: 'Twin Foods' });
  await createSupplier(s, { name: 'Solo Foods' });
  const csv = Buffer.from(
    'sku,name,price,supplier\nT-1,Twin,1,twin foods\nS-1,Solo,1,Solo Foods\nX-1,Bad\u0000Name,1,\n',
  );
  const res = await uploadProducts(s, csv, 'p.csv').expect(200);
  expect(res.body.data.summary).toEqual(expect.objectContaining({ created: 1, failed: 2 }));
  expect(res.body.data.errors).toEqual([
    expect.objectContaining({
      row: 2,
      field: 'supplier',
      message: expect.stringMatching(/more than one/),
    }),
    expect.objectContaining({ row: 4, field: 'name', message: expect.stringMatching(/NUL/) }),
  ]);
});

test('when an import adds 1,000 products or more, then the products table is analysed at once, so searches are planned for the new rows', async () => {
  const s = await storeWithMember(t);
  const analyses = async () =>
    Number(
      (
        await t.db.pool.query(
          `SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'products'`,
        )
      ).rows[0].analyze_count,
    );
  const before = await analyses();
  const rows = Array.from({ length: 1000 }, (_, i) => `STAT-${i},Statistic ${i},1.00`);
  const csv = ['SKU,Name,Price', ...rows].join('\n');
  const res = await uploadProducts(s, Buffer.from(csv), 'many.csv').expect(200);
  expect(res.body.data.summary.created).toBe(1000);
  // The answer does not wait for ANALYZE; it follows within moments.
  const deadline = Date.now() + 15_000;
  while ((await analyses()) === before && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  expect(await analyses()).toBeGreaterThan(before);

  const small = await analyses();
  await uploadProducts(s, Buffer.from('SKU,Name,Price\nONE-1,One,1.00'), 'one.csv').expect(200);
  await new Promise((r) => setTimeout(r, 500));
  expect(await analyses()).toBe(small);
});
