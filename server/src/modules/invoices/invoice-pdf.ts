import { UnprocessableError } from '../../core/errors';
import { checkBarcode } from '../../core/barcode';
import { amount, count, date } from './invoice-cells';
import { headerField, type HeaderField } from './invoice-columns';
import { invoiceBuilder, type ExtractedInvoice } from './invoice-extract';

export const NEEDS_OCR =
  'This PDF is a scanned image; it needs OCR, which Nimbus does not do yet. Upload the CSV or XLSX the supplier sends, or a PDF with text.';

const NUMBER = /^\(?-?[$€£]?\d[\d.,]*\)?$/;

/**
 * An invoice from the text of a PDF, line by line (files/pdf/pdf-reader.ts joins a page's text items
 * that share a baseline). The heuristics:
 *
 * - A line item is a text line ending in three numbers — quantity, unit cost, total — where
 *   the quantity is a whole number and quantity × unit cost is within a cent (or 0.5%) of the
 *   total. What comes before them is the description; a first word that is a valid
 *   EAN/UPC is the UPC, and a first word in capitals with a digit (ABC-123) is the SKU.
 *   "12 x 1.25 15.00" (an `x` or `@` between quantity and price) reads the same.
 * - Header fields are "label: value" or "label value" lines whose label is one the sheet
 *   reader knows (Invoice No, Date, Due Date, Supplier/Vendor, Subtotal, Tax/VAT, Total).
 * - With no "Supplier:" line, the first line of the first page is taken as the supplier's
 *   name when it has letters and no digits (a letterhead).
 * - No text at all on any page is a scanned image (422: needs OCR); text without a single
 *   line item is a 422 saying what a line needs.
 */
export function invoiceFromPdfText(pages: string[][]): ExtractedInvoice {
  const all = pages
    .flat()
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (!all.length) throw new UnprocessableError(NEEDS_OCR);
  const inv = invoiceBuilder();
  let n = 0;
  for (const line of all) {
    n++;
    const item = lineItem(line);
    if (item) {
      inv.line(`Line ${n}`, item);
      continue;
    }
    headerLine(line, inv);
  }
  const first = all[0]!;
  if (
    !inv.has('supplierName') &&
    /[a-z]/i.test(first) &&
    !/\d/.test(first) &&
    !/invoice/i.test(first)
  )
    inv.header('supplierName', first);
  try {
    return inv.build();
  } catch (err) {
    if (err instanceof UnprocessableError && err.message === 'The invoice has no lines to read')
      throw new UnprocessableError(
        'No invoice lines found in the PDF: a line needs a description, then quantity, unit price and total (with quantity × unit price = total)',
      );
    throw err;
  }
}

function lineItem(line: string): Record<string, unknown> | undefined {
  const words = line.split(' ').filter((w) => w !== 'x' && w !== '×' && w !== '@');
  if (words.length < 4) return undefined;
  const [q, u, t] = words.slice(-3);
  if (![q, u, t].every((w) => NUMBER.test(w!))) return undefined;
  const quantity = count(q);
  const unitCost = amount(u);
  const total = amount(t);
  if (!quantity.ok || !unitCost.ok || !total.ok) return undefined;
  if (quantity.value === null || unitCost.value === null || total.value === null) return undefined;
  const product = quantity.value * unitCost.value;
  if (Math.abs(product - total.value) > Math.max(0.011, Math.abs(total.value) * 0.005))
    return undefined;
  const rest = words.slice(0, -3);
  let upc: string | undefined;
  let sku: string | undefined;
  if (rest.length > 1 && /^\d{8,14}$/.test(rest[0]!) && checkBarcode(rest[0]!).ok)
    upc = rest.shift();
  else if (
    rest.length > 1 &&
    /\d/.test(rest[0]!) &&
    !/[a-z]/.test(rest[0]!) &&
    /^[A-Z0-9][\w./-]{2,}$/.test(rest[0]!)
  )
    sku = rest.shift();
  if (!upc && rest.length > 1 && /^\d{8,14}$/.test(rest.at(-1)!) && checkBarcode(rest.at(-1)!).ok)
    upc = rest.pop();
  return { description: rest.join(' '), quantity: q, unitCost: u, total: t, upc, sku };
}

const LABELLED = /^(.{2,30}?)\s*[:#]\s*(.+)$/;

/**
 * A header value from running text, or nothing: PDF text is noisy, so a value that does not
 * read ("Tax (10%) 2.34" gives 2.34; "Date of delivery: on request" gives no date) is left
 * out rather than refused.
 */
function usable(f: HeaderField, value: string): string | undefined {
  if (f === 'subtotal' || f === 'tax' || f === 'total') {
    const last = value
      .split(' ')
      .filter((w) => NUMBER.test(w))
      .at(-1);
    return last && amount(last).ok ? last : undefined;
  }
  if (f === 'invoiceDate' || f === 'dueDate') return date(value).ok ? value : undefined;
  if (f === 'invoiceNumber') return /^[\w./-]{1,64}$/.test(value) ? value : undefined;
  return value;
}

function headerLine(line: string, inv: ReturnType<typeof invoiceBuilder>) {
  const set = (f: HeaderField | undefined, value: string) => {
    const v = f && usable(f, value.trim());
    if (f && v !== undefined) inv.header(f, v);
    return Boolean(f && v !== undefined);
  };
  const m = LABELLED.exec(line);
  if (m && set(headerField(m[1]), m[2]!)) return;
  if (m && /invoice$/i.test(m[1]!.trim()) && set('invoiceNumber', m[2]!)) return;
  // "Total 25.74", "Due Date 2026-12-20": the longest known label that starts the line.
  const words = line.split(' ');
  for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
    if (set(headerField(words.slice(0, k).join(' ')), words.slice(k).join(' '))) return;
  }
}
