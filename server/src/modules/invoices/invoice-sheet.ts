import { UnprocessableError } from '../../core/errors';
import type { SheetRow } from '../../files/sheet-rows';
import {
  COLUMN_WORDS,
  headerField,
  lineColumn,
  normalise,
  type HeaderField,
  type LineColumn,
} from './invoice-columns';
import { invoiceBuilder, type ExtractedInvoice } from './invoice-extract';

/**
 * An invoice laid out as a sheet (CSV or the first worksheet of an XLSX):
 *
 * - Above the line table, a key/value block: a cell naming a header field ("Invoice No",
 *   "Date:", "Vendor") and the next non-empty cell to its right as its value, several pairs
 *   per row allowed; or one cell "Invoice No: INV-1".
 * - The line table's header row: the first row with at least two cells naming line columns
 *   (description, qty, unit cost, total, UPC, SKU in any order, case and spelling listed in
 *   invoice-columns.ts). It must name quantity, unit cost or total, and something to match
 *   by (description, SKU or UPC); missing ones are named in the 422.
 * - Below it, one line per row; a row whose first cells name a header field ("Subtotal",
 *   "Tax", "Total") is a footer value, not a line.
 */
export function invoiceFromSheet(rows: SheetRow[]): ExtractedInvoice {
  const inv = invoiceBuilder();
  let columns: Array<LineColumn | undefined> | undefined;
  for (const { row, cells } of rows) {
    if (!columns) {
      const mapped = cells.map(lineColumn);
      if (new Set(mapped.filter(Boolean)).size >= 2 && !looksLikePairs(cells)) {
        columns = checkColumns(mapped);
        continue;
      }
      keyValues(cells, inv);
      continue;
    }
    const footer = footerField(cells, columns);
    if (footer) {
      inv.header(footer.field, footer.value);
      continue;
    }
    const record: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      if (c && record[c] === undefined) record[c] = cells[i];
    });
    inv.line(`Row ${row}`, record);
  }
  if (!columns) {
    throw new UnprocessableError(
      `No line table found: the file needs a header row naming at least the columns ${COLUMN_WORDS.description}, ${COLUMN_WORDS.quantity} and ${COLUMN_WORDS.unitCost}`,
    );
  }
  return inv.build();
}

/** "Total | 25.74" or "Invoice No | 7 | Date | 2026-11-20": label/value pairs, not a table header. */
function looksLikePairs(cells: unknown[]): boolean {
  const filled = cells.filter((c) => c !== undefined && String(c).trim() !== '');
  return filled.length <= 4 && filled.some((c, i) => i % 2 === 1 && /\d/.test(String(c)));
}

function checkColumns(mapped: Array<LineColumn | undefined>) {
  const has = (c: LineColumn) => mapped.includes(c);
  const missing: LineColumn[] = [];
  if (!has('description') && !has('sku') && !has('upc')) missing.push('description');
  if (!has('quantity')) missing.push('quantity');
  if (!has('unitCost') && !has('total')) missing.push('unitCost');
  if (missing.length) {
    throw new UnprocessableError(
      `The line table is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => COLUMN_WORDS[c]).join(', ')}`,
      missing.map((c) => ({
        field: c,
        message: `column is missing: name it ${COLUMN_WORDS[c]}`,
        code: 'missing_column',
      })),
    );
  }
  return mapped;
}

/** Label/value pairs in a row above the table. */
function keyValues(cells: unknown[], inv: ReturnType<typeof invoiceBuilder>) {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === undefined || cell === '') continue;
    const inline = /^([^:]{1,40}):\s*(.+)$/.exec(String(cell));
    if (inline && headerField(inline[1])) {
      inv.header(headerField(inline[1])!, inline[2]);
      continue;
    }
    const f = headerField(cell);
    if (!f) continue;
    const j = cells.findIndex((v, k) => k > i && v !== undefined && String(v).trim() !== '');
    if (j < 0) continue;
    inv.header(f, cells[j]);
    i = j;
  }
}

/** Below the table: "Subtotal", "Tax", "Total" rows, with no quantity. */
function footerField(
  cells: unknown[],
  columns: Array<LineColumn | undefined>,
): { field: HeaderField; value: unknown } | undefined {
  const q = columns.indexOf('quantity');
  if (q >= 0 && cells[q] !== undefined && String(cells[q]).trim() !== '') return undefined;
  const filled = cells
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v !== undefined && String(v).trim() !== '');
  const label = filled.find(({ v }) => headerField(String(v).replace(/:$/, '')));
  if (!label) return undefined;
  const value = filled.find(({ i }) => i > label.i);
  if (!value) return undefined;
  const f = headerField(String(label.v))!;
  // "Total" in a footer is the invoice's; "Date" or "No" there would be a line's text.
  if (!['subtotal', 'tax', 'total', 'dueDate'].includes(f)) return undefined;
  if (normalise(label.v) === '') return undefined;
  return { field: f, value: value.v };
}
