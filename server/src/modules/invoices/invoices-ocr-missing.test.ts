import { useTestApp } from '../../test/app';
import { countRows, storeWithMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { scannedPdf, scanOf, type ScanInvoice } from '../../test/scans';

/** A server without the OCR engines (the newcomer's `npm start` without Debian's packages). */
const t = useTestApp({
  OCR_TESSERACT_BIN: '/nonexistent/tesseract',
  OCR_PDFTOPPM_BIN: '/nonexistent/pdftoppm',
});

const invoice: ScanInvoice = {
  supplier: 'Greenleaf Wholesale',
  number: 'GW-1',
  date: '2026-11-20',
  items: [{ description: 'Brown Bread 500g', quantity: 4, unitCost: 2.1 }],
};

test('when OCR is not installed, then a scan is a 422 saying how to install it, and nothing is stored; other invoices are read as ever', async () => {
  const s = await storeWithMember(t, 'manager');
  const png = await scanOf(invoice, {
    font: 'DejaVu Sans',
    size: 28,
    noise: 20,
    angle: 0,
    format: 'png',
  });
  const photo = await uploadInvoice(s, png, 'photo.png').expect(422);
  expect(photo.body.error.message).toMatch(
    /needs OCR.*not installed.*apt-get install tesseract-ocr tesseract-ocr-eng/,
  );
  expect(photo.body.error.details).toEqual([
    expect.objectContaining({ field: 'file', code: 'ocr_unavailable' }),
  ]);
  const scan = await uploadInvoice(s, await scannedPdf(png), 'scan.pdf').expect(422);
  expect(scan.body.error.message).toMatch(/pdftoppm.*apt-get install poppler-utils/);
  expect(await countRows(t, 'invoices', s.storeId)).toBe(0);

  await uploadInvoice(
    s,
    csvOf([
      ['Description', 'Qty', 'Unit Cost', 'Total'],
      ['Brown Bread 500g', 4, 2.1, 8.4],
    ]),
    'invoice.csv',
  ).expect(201);
  expect(await countRows(t, 'invoice_lines', s.storeId)).toBe(1);
});
