import { UnprocessableError } from '../../core/errors';
import { checkBarcode } from '../../core/barcode';
import { amount, count, date } from './invoice-cells';
import { headerField, type HeaderField } from './invoice-columns';
import { invoiceBuilder, type ExtractedInvoice, type LineOcr } from './invoice-extract';

export const NO_TEXT_READ =
  'No text could be read from the scan by OCR: upload a sharper scan (300 dpi, straight, well lit), or the CSV, XLSX or text PDF the supplier sends';

const NUMBER = /^\(?-?[$€£]?\d[\d.,]*\)?$/;

/** A word as read, with the OCR engine's confidence in it (0–1; none for a PDF's own text). */
export interface ReadWord {
  text: string;
  conf?: number;
}

/**
 * An invoice from the text of a PDF, line by line (files/pdf/pdf-reader.ts joins a page's text items
 * that share a baseline), or from the lines OCR read off a scan (invoiceFromOcr). The heuristics:
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
 * - A PDF without text at all is a scan, read by OCR (invoice-read.ts); a scan OCR reads no
 *   text from is a 422, and text without a single line item is a 422 saying what a line needs.
 */
export function invoiceFromPdfText(pages: string[][]): ExtractedInvoice {
  return invoiceFromLines(
    pages.flat().map((l) => l.split(/\s+/).map((text) => ({ text }))),
    'the PDF',
  );
}

/**
 * An invoice from the lines OCR read (files/ocr/): the same heuristics as a PDF's text, and
 * each line item keeps how sure OCR was of each of its fields (LineOcr) for the review. A
 * line OCR read as an item whose numbers do not add up is a warning, not a guess.
 */
export function invoiceFromOcr(lines: ReadWord[][]): ExtractedInvoice {
  return invoiceFromLines(lines, 'the scan');
}

function invoiceFromLines(read: ReadWord[][], source: string): ExtractedInvoice {
  const all = read
    .map((words) => words.map((w) => ({ ...w, text: w.text.trim() })).filter((w) => w.text))
    .filter((words) => words.length);
  if (!all.length) throw new UnprocessableError(NO_TEXT_READ);
  const inv = invoiceBuilder();
  let n = 0;
  for (const words of all) {
    n++;
    const item = lineItem(words);
    if (item) {
      inv.line(`Line ${n}`, item);
      continue;
    }
    const line = words.map((w) => w.text).join(' ');
    if (words[0]?.conf !== undefined && looksLikeItem(words))
      inv.warnings.push(
        `Line ${n} ("${line.slice(0, 80)}") looks like an invoice line, but its quantity × unit price is not its total: check it against the scan`,
      );
    headerLine(line, inv);
  }
  const first = all[0]!.map((w) => w.text).join(' ');
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
        `No invoice lines found in ${source}: a line needs a description, then quantity, unit price and total (with quantity × unit price = total)`,
      );
    throw err;
  }
}

const looksLikeItem = (words: ReadWord[]) =>
  words.length >= 4 && words.slice(-3).every((w) => /\d/.test(w.text));

/** The least sure word; undefined for a PDF's own text. */
function least(words: ReadWord[]): number | undefined {
  const confs = words.map((w) => w.conf).filter((c): c is number => c !== undefined);
  return confs.length ? Math.min(...confs) : undefined;
}

function lineItem(all: ReadWord[]): Record<string, unknown> | undefined {
  const words = all.filter((w) => w.text !== 'x' && w.text !== '×' && w.text !== '@');
  if (words.length < 4) return undefined;
  const [q, u, t] = words.slice(-3).map((w) => w.text);
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
  let upc: ReadWord | undefined;
  let sku: ReadWord | undefined;
  const head = rest[0]?.text ?? '';
  if (rest.length > 1 && /^\d{8,14}$/.test(head) && checkBarcode(head).ok) upc = rest.shift();
  else if (
    rest.length > 1 &&
    /\d/.test(head) &&
    !/[a-z]/.test(head) &&
    /^[A-Z0-9][\w./-]{2,}$/.test(head)
  )
    sku = rest.shift();
  const tail = rest.at(-1)?.text ?? '';
  if (!upc && rest.length > 1 && /^\d{8,14}$/.test(tail) && checkBarcode(tail).ok) upc = rest.pop();
  const [qw, uw, tw] = words.slice(-3);
  const fields: LineOcr['fields'] = {
    description: least(rest),
    quantity: least([qw!]),
    unitCost: least([uw!]),
    total: least([tw!]),
    upc: upc && least([upc]),
    sku: sku && least([sku]),
  };
  const known = Object.entries(fields).filter(([, c]) => c !== undefined) as Array<
    [string, number]
  >;
  return {
    description: rest.map((w) => w.text).join(' '),
    quantity: q,
    unitCost: u,
    total: t,
    upc: upc?.text,
    sku: sku?.text,
    ocr: known.length
      ? { confidence: Math.min(...known.map(([, c]) => c)), fields: Object.fromEntries(known) }
      : undefined,
  };
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
