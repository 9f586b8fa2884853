import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { useTestApp } from '../../test/app';
import {
  countRows,
  createProduct,
  createSupplier,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { textPdf, uploadInvoice } from '../../test/invoices';
import {
  invoiceText,
  pngClaiming,
  scannedPdf,
  scanOf,
  type ScanInvoice,
  type ScanStyle,
  describeWithOcr,
} from '../../test/scans';

/** Scanned invoices (a photo, a PDF without text) read by OCR, matched like their text twins. */
const t = useTestApp();

const STYLE: ScanStyle = { font: 'DejaVu Sans', size: 30, noise: 25, angle: 0.6, format: 'jpeg' };

const invoice = (number: string): ScanInvoice => ({
  supplier: 'Greenleaf Wholesale',
  number,
  date: '2026-11-20',
  items: [
    { sku: 'MLK-1', description: 'Organic Milk 1L', quantity: 12, unitCost: 1.25 },
    { description: 'Brown Bread 500g', quantity: 4, unitCost: 2.1 },
    { sku: 'EGG-12', description: 'Free Range Eggs', quantity: 3, unitCost: 4.5 },
  ],
});

async function storeWithCatalogue() {
  const s = await storeWithMember(t, 'manager');
  await createSupplier(s, { name: 'Greenleaf Wholesale' });
  await createProduct(s, { name: 'Organic Milk 1L', sku: 'MLK-1' });
  await createProduct(s, { name: 'Brown Bread 500g' });
  await createProduct(s, { name: 'Free Range Eggs', sku: 'EGG-12' });
  return s;
}

interface Line {
  description: string;
  quantity: number;
  unitCost: number;
  total: number;
  sku: string | null;
  match: { productId: string | null; method: string | null };
  ocr: { confidence: number; fields: Record<string, number>; review: string[] } | null;
}

/** What the review compares: the line as read and the product it was matched to. */
const asRead = (l: Line) => ({
  description: l.description,
  quantity: l.quantity,
  unitCost: l.unitCost,
  total: l.total,
  sku: l.sku,
  productId: l.match.productId,
  method: l.match.method,
});

async function upload(s: StoreMember, file: Buffer, name: string) {
  const res = await uploadInvoice(s, file, name).expect(201);
  const stored = await s.api.get(`${s.url}/invoices/${res.body.data.invoiceId}`).set(s.auth);
  return { upload: res.body.data, lines: stored.body.data.matchingResults.lines as Line[] };
}

describeWithOcr('scanned invoices read by OCR', () => {
  test('when a photo (JPEG) of an invoice and a scanned PDF of it are uploaded, then each is read and matched line by line like its text twin, every line with how sure OCR was', async () => {
    const s = await storeWithCatalogue();
    const twin = await upload(s, await textPdf(invoiceText(invoice('GW-1'))), 'twin.pdf');
    expect(twin.lines.map((l) => l.match.productId).every(Boolean)).toBe(true);
    expect(twin.lines.every((l) => l.ocr === null)).toBe(true);

    const photo = await upload(s, await scanOf(invoice('GW-2'), STYLE), 'photo.jpg');
    expect(photo.upload.invoice.fileType).toBe('jpeg');
    expect(photo.upload.extractedData).toMatchObject({
      invoiceNumber: 'GW-2',
      invoiceDate: '2026-11-20',
      supplierName: 'Greenleaf Wholesale',
      total: 36.9,
    });
    expect(photo.lines.map(asRead)).toEqual(twin.lines.map(asRead));
    for (const l of photo.lines) {
      expect(l.ocr!.confidence).toBeGreaterThan(0);
      expect(l.ocr!.confidence).toBeLessThanOrEqual(1);
      expect(Object.keys(l.ocr!.fields)).toEqual(
        expect.arrayContaining(['description', 'quantity', 'unitCost', 'total']),
      );
      expect(l.ocr!.confidence).toBe(Math.min(...Object.values(l.ocr!.fields)));
    }

    const pdf = await scannedPdf(await scanOf(invoice('GW-3'), { ...STYLE, format: 'png' }));
    const scan = await upload(s, pdf, 'scan.pdf');
    expect(scan.upload.invoice.fileType).toBe('pdf');
    expect(scan.lines.map(asRead)).toEqual(twin.lines.map(asRead));
    expect(scan.lines.every((l) => l.ocr !== null)).toBe(true);
    expect(await countRows(t, 'invoices', s.storeId)).toBe(3);
  });

  test('when an image is too large, a pixel bomb, garbage, or sent without invoice:process, then 4xx in the envelope and nothing is stored', async () => {
    const s = await storeWithMember(t, 'manager');
    const refused = async (file: Buffer, name: string, status: number) =>
      (await uploadInvoice(s, file, name).expect(status)).body.error;

    const bomb = await refused(await pngClaiming(60_000, 60_000), 'bomb.png', 422);
    expect(bomb.message).toMatch(/60000 × 60000 pixels; a scan may have at most 40 megapixels/);
    expect(bomb.details).toEqual([expect.objectContaining({ field: 'file', code: 'max_pixels' })]);

    const wide = await sharp({
      create: { width: 12_001, height: 16, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    expect((await refused(wide, 'wide.png', 422)).details[0].code).toBe('max_pixels');

    const png = await scanOf(invoice('GW-9'), { ...STYLE, format: 'png' });
    // A PNG's signature and header, then noise where its image data should be.
    const damaged = Buffer.concat([png.subarray(0, 33), randomBytes(4096)]);
    expect((await refused(damaged, 'damaged.png', 422)).message).toMatch(/could not be read/);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4096)]);
    expect((await refused(jpeg, 'photo.jpg', 422)).message).toMatch(/could not be read/);
    await refused(randomBytes(64 * 1024), 'invoice.png', 415);
    const huge = Buffer.concat([png.subarray(0, 33), Buffer.alloc(11 * 1024 * 1024)]);
    expect((await refused(huge, 'huge.png', 413)).code).toBeDefined();

    const employee = await memberOf(t, s.storeId, 'employee');
    await uploadInvoice(employee, png, 'scan.png').expect(403);

    expect(await countRows(t, 'invoices', s.storeId)).toBe(0);
    expect(await countRows(t, 'invoice_lines', s.storeId)).toBe(0);
  });
});
