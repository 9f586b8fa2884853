import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import { orderingStore, patchStatus, placeOrder, postReceipt } from '../../test/purchasing';
import { bytesOrJson } from '../../test/requests';

/**
 * Labels as a printer gets them: the PDF is rasterised at 300 dpi with poppler's pdftoppm (as
 * a print driver would) and every barcode on the pages is read back with zxing-cpp (its
 * WebAssembly build), so what is checked is what a scanner at the till would read.
 */
const t = useTestApp();
const run = promisify(execFile);

beforeAll(async () => {
  const wasm = await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    },
    fireImmediately: true,
  });
});

const postLabels = (s: StoreMember, body: object) =>
  s.api.post(`${s.url}/labels`).set(s.auth).send(body).buffer(true).parse(bytesOrJson);

/** Every barcode on every page: format and text, sorted. */
async function scan(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'labels-'));
  try {
    await writeFile(path.join(dir, 'labels.pdf'), pdf);
    await run('pdftoppm', ['-r', '300', '-png', 'labels.pdf', 'page'], { cwd: dir });
    const found: string[] = [];
    for (const page of (await readdir(dir)).filter((f) => f.endsWith('.png')).sort()) {
      const png = await readFile(path.join(dir, page));
      const results = await readBarcodes(new Uint8Array(png), {
        maxNumberOfSymbols: 60,
        formats: ['EAN13', 'UPCA', 'EAN8', 'Code128'],
      });
      found.push(...results.filter((r) => r.isValid).map((r) => `${r.format} ${r.text}`));
    }
    return found.sort();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pages(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'labels-'));
  try {
    await writeFile(path.join(dir, 'labels.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-layout', 'labels.pdf', '-'], { cwd: dir });
    return stdout.split('\f').filter((p) => p.trim());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function catalogue(s: StoreMember) {
  return {
    beans: await createProduct(s, {
      name: 'Coffee beans 1kg',
      sku: 'CB-1KG',
      barcode: '4006381333931',
      price: 18.5,
    }),
    soap: await createProduct(s, {
      name: 'Olive soap',
      sku: 'OS-100',
      barcode: '036000291452',
      price: 3.2,
    }),
    twine: await createProduct(s, { name: 'Garden twine', sku: 'TW-50M', barcode: null, price: 4 }),
  };
}

test('when barcode stickers are printed for three products, then every copy scans back as its own code in its own symbology', async () => {
  const s = await storeWithMember(t, 'manager');
  const p = await catalogue(s);
  const res = await postLabels(s, {
    kind: 'barcode',
    items: [
      { productId: p.beans.id, copies: 2 },
      { productId: p.soap.id },
      { productId: p.twine.id, copies: 3 },
    ],
  }).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toMatch(
    /^attachment; filename="labels-\d{4}-\d{2}-\d{2}\.pdf"$/,
  );
  expect(await scan(res.body as Buffer)).toEqual(
    [
      'EAN13 4006381333931',
      'EAN13 4006381333931',
      // UPC-A is EAN-13 with a leading 0: the same bars, which zxing reads as the EAN-13.
      'EAN13 0036000291452',
      'Code128 TW-50M',
      'Code128 TW-50M',
      'Code128 TW-50M',
    ].sort(),
  );
});

test('when an employee prints shelf labels, then each shows the name, the price in the store currency and the SKU, and 15 labels take two A4 sheets of 14', async () => {
  const s = await storeWithMember(t, 'manager');
  const p = await catalogue(s);
  const clerk = await memberOf(t, s.storeId, 'employee');
  const res = await postLabels(clerk, {
    items: [
      { productId: p.beans.id, copies: 14 },
      { productId: p.soap.id, copies: 1 },
    ],
  }).expect(200);
  const text = await pages(res.body as Buffer);
  expect(text).toHaveLength(2);
  expect(text[0]!.match(/Coffee beans 1kg/g)).toHaveLength(14);
  expect(text[0]!.match(/\$18\.50/g)).toHaveLength(14);
  expect(text[0]!.match(/SKU CB-1KG/g)).toHaveLength(14);
  expect(text[1]).toMatch(/Olive soap[\s\S]*\$3\.20|\$3\.20[\s\S]*Olive soap/);
  expect(await scan(res.body as Buffer)).toHaveLength(15);
});

test('when labels are printed for a delivery, then there is one per unit received (or one per product), and another store’s delivery is 404', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const order = await placeOrder(s, o);
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);
  await postReceipt(s, order.id, {
    lines: [
      { productId: o.tea.id, quantity: 3 },
      { productId: o.cups.id, quantity: 2 },
    ],
  }).expect(201);
  const receipts = (
    await s.api.get(`${s.url}/purchase-orders/${order.id}/receipts`).set(s.auth).expect(200)
  ).body.data;
  const receipt = { purchaseOrderId: order.id, receiptId: receipts[0].id };
  const [tea, cups] = [o.tea, o.cups].map(
    (x: { sku: string; barcode: string | null }) => x.barcode ?? x.sku,
  );
  const perUnit = await scan(
    (await postLabels(s, { kind: 'barcode', receipt }).expect(200)).body as Buffer,
  );
  expect(perUnit.map((c) => c.split(' ')[1]).sort()).toEqual([cups, cups, tea, tea, tea].sort());
  const perProduct = await scan(
    (await postLabels(s, { kind: 'barcode', receipt: { ...receipt, perUnit: false } }).expect(200))
      .body as Buffer,
  );
  expect(perProduct.map((c) => c.split(' ')[1]).sort()).toEqual([cups, tea].sort());

  const other = await storeWithMember(t, 'admin');
  const res = await other.api
    .post(`${other.url}/labels`)
    .set(other.auth)
    .send({ receipt })
    .expect(404);
  expect(res.body.error.code).toBe('NOT_FOUND');
});

test('when labels are printed for a whole order, then every delivery’s units are labelled, with names in other scripts printed as typed', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const vodka = await createProduct(s, { name: 'Żubrówka 0.5 l', sku: 'ZUB-05', price: 21 });
  const order = await placeOrder(s, o, {
    lines: [
      { productId: vodka.id, quantity: 5, unitCost: 12 },
      { productId: o.tea.id, quantity: 5, unitCost: 1.5 },
    ],
  });
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);
  await postReceipt(s, order.id, { lines: [{ productId: vodka.id, quantity: 2 }] }).expect(201);
  await postReceipt(s, order.id, {
    lines: [
      { productId: vodka.id, quantity: 1 },
      { productId: o.tea.id, quantity: 1 },
    ],
  }).expect(201);
  const res = await postLabels(s, { receipt: { purchaseOrderId: order.id } }).expect(200);
  const text = (await pages(res.body as Buffer)).join('\n');
  expect(text.match(/Żubrówka 0\.5 l/g)).toHaveLength(3);
  expect(text.match(/Green tea/g)).toHaveLength(1);
  // An order with nothing received has nothing to label.
  const empty = await placeOrder(s, o);
  const none = await postLabels(s, { receipt: { purchaseOrderId: empty.id } }).expect(422);
  expect(none.body.error.message).toContain('Nothing to label');
});

test('another store’s product is 404, an outsider is refused, and bad requests are a clear 4xx', async () => {
  const s = await storeWithMember(t, 'manager');
  const mine = await createProduct(s, { name: 'Mine' });
  const other = await storeWithMember(t, 'admin');
  const theirs = await createProduct(other, { name: 'Theirs' });

  const foreign = await s.api
    .post(`${s.url}/labels`)
    .set(s.auth)
    .send({ items: [{ productId: mine.id }, { productId: theirs.id }] });
  expect(foreign.status).toBe(404);
  expect(foreign.body.error.code).toBe('NOT_FOUND');
  await s.api
    .post(`${s.url}/labels`)
    .send({ items: [{ productId: mine.id }] })
    .expect(401);
  await other.api
    .post(`${s.url}/labels`)
    .set(other.auth)
    .send({ items: [{ productId: mine.id }] })
    .expect(403);

  for (const [body, field] of [
    [{}, 'items'],
    [{ items: [] }, 'items'],
    [{ items: [{ productId: mine.id, copies: 0 }] }, 'items.0.copies'],
    [{ items: [{ productId: mine.id, copies: 101 }] }, 'items.0.copies'],
    [{ items: Array.from({ length: 21 }, () => ({ productId: mine.id, copies: 100 })) }, 'items'],
    [
      {
        items: [{ productId: mine.id }],
        receipt: { purchaseOrderId: mine.id, receiptId: mine.id },
      },
      'items',
    ],
    [{ kind: 'poster', items: [{ productId: mine.id }] }, 'kind'],
    [{ paper: 'a3', items: [{ productId: mine.id }] }, 'paper'],
    [{ items: [{ productId: 'x' }] }, 'items.0.productId'],
  ] as const) {
    const res = await s.api.post(`${s.url}/labels`).set(s.auth).send(body).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  }
  await s.api
    .post(`${s.url}/labels`)
    .set(s.auth)
    .set('Content-Type', 'text/plain')
    .send('labels')
    .expect(415);
});
