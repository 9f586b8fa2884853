import { amount, count, date } from './invoice-cells';
import { invoiceFromOcr, invoiceFromPdfText } from './invoice-pdf';
import { ocrReview } from './invoice-lines.repo';
import { invoiceFromSheet } from './invoice-sheet';

/** The pure parts of reading an invoice: cells, sheet layout and PDF text heuristics. */

test.each([
  ['12', 12],
  ['$1,234.50', 1234.5],
  ['1.234,50', 1234.5],
  ['1,234', 1234],
  ['EUR 9,99', 9.99],
  ['(12.00)', -12],
  ['2.5', 2.5],
  [7.25, 7.25],
])('when an amount cell holds %p, then it reads %p', (cell, value) => {
  expect(amount(cell)).toEqual({ ok: true, value });
});

test.each(['twelve', '=2*3', '1.2.3,4', '--5', '$'])(
  'when an amount cell holds %p, then it is not an amount',
  (cell) => {
    expect(amount(cell).ok).toBe(false);
  },
);

test('when a quantity is fractional, negative or blank, then it is refused or empty', () => {
  expect(count('2.5')).toEqual({ ok: false, reason: '2.5 is not a whole number' });
  expect(count('-1').ok).toBe(false);
  expect(count('')).toEqual({ ok: true, value: null });
  expect(count('12.0')).toEqual({ ok: true, value: 12 });
});

test.each([
  ['2026-11-20', '2026-11-20', undefined],
  ['20/11/2026', '2026-11-20', undefined],
  ['11/20/2026', '2026-11-20', undefined],
  ['03/04/2026', '2026-04-03', true],
  ['20 Nov 2026', '2026-11-20', undefined],
  ['Nov 20, 2026', '2026-11-20', undefined],
  ['2026-11-20T10:00:00Z', '2026-11-20', undefined],
])('when a date cell holds %p, then it reads %p', (cell, value, ambiguous) => {
  expect(date(cell)).toEqual({ ok: true, value, ...(ambiguous ? { ambiguous } : {}) });
});

test('when a date does not exist, then it is not a date', () => {
  expect(date('31/02/2026').ok).toBe(false);
  expect(date('soon').ok).toBe(false);
});

test('when a sheet has totals rows and a note row under its table, then they are not lines', () => {
  const inv = invoiceFromSheet([
    { row: 1, cells: ['Qty', 'Item', 'Amount'] },
    { row: 2, cells: ['3', 'Tea', '4.50'] },
    { row: 3, cells: [undefined, 'Thank you!'] },
    { row: 4, cells: [undefined, 'Total', '4.50'] },
  ]);
  expect(inv.lines).toEqual([
    {
      position: 0,
      description: 'Tea',
      quantity: 3,
      unitCost: 1.5,
      total: 4.5,
      upc: null,
      sku: null,
      ocr: null,
    },
  ]);
  expect(inv.total).toBe(4.5);
  expect(inv.warnings).toEqual(['Row 3 was skipped: it has no quantity or unit cost']);
});

test('when PDF text lines end in quantity, unit price and total that agree, then they are lines; others are not', () => {
  const inv = invoiceFromPdfText([
    [
      'Invoice # 9912',
      'Date: Nov 20, 2026',
      '4006381333931 Pencils HB 12 x 0.25 3.00',
      'Page 1 of 1 2 3',
      'Boxes 2 2.00 5.00',
    ],
  ]);
  expect(inv.invoiceNumber).toBe('9912');
  expect(inv.invoiceDate).toBe('2026-11-20');
  expect(inv.lines).toEqual([
    {
      position: 0,
      description: 'Pencils HB',
      quantity: 12,
      unitCost: 0.25,
      total: 3,
      upc: '4006381333931',
      sku: null,
      ocr: null,
    },
  ]);
});

test('when OCR lines are read, then each item keeps its fields’ least sure word, a misread item is a warning, and the review lists the unsure fields', () => {
  const words = (line: string, confs: number[]) =>
    line.split(' ').map((text, i) => ({ text, conf: confs[i] ?? 0.95 }));
  const inv = invoiceFromOcr([
    words('Invoice No: GW-7', []),
    words('MLK-1 Organic Milk 1L 12 1.25 15.00', [0.91, 0.97, 0.62, 0.93, 0.96, 0.55, 0.97]),
    words('Brown Bread 500g 4 7a 8.40', [0.96, 0.96, 0.96, 0.96, 0.29, 0.96]),
  ]);
  expect(inv.lines).toHaveLength(1);
  const ocr = inv.lines[0]!.ocr!;
  expect(ocr).toEqual({
    confidence: 0.55,
    fields: { description: 0.62, quantity: 0.96, unitCost: 0.55, total: 0.97, sku: 0.91 },
  });
  expect(ocrReview(ocr)).toEqual({ ...ocr, review: ['description', 'unitCost'] });
  expect(inv.warnings).toContainEqual(
    expect.stringMatching(/^Line 3 \("Brown Bread 500g 4 7a 8\.40"\) looks like an invoice line/),
  );
  expect(ocrReview(null)).toBeNull();
});
