import { UnprocessableError, type ErrorDetail } from '../../core/errors';
import { amount, count, date, text, type Cell } from './invoice-cells';
import type { HeaderField } from './invoice-columns';
import { MONEY_MAX } from '../../core/limits';

/** numeric(14,2): a line's or the invoice's total. */
const TOTAL_MAX = 999_999_999_999.99;

/** A line as read from the file, before matching. */
export interface ExtractedLine {
  position: number;
  description: string | null;
  quantity: number;
  unitCost: number;
  total: number;
  upc: string | null;
  sku: string | null;
  /** How sure OCR was of the line, for a scanned invoice; null for a file with text. */
  ocr: LineOcr | null;
}

/** How sure OCR was of a line (0–1): its least sure field, and each field's least sure word. */
export interface LineOcr {
  confidence: number;
  fields: Partial<
    Record<'description' | 'quantity' | 'unitCost' | 'total' | 'upc' | 'sku', number>
  >;
}

export interface ExtractedInvoice {
  invoiceNumber: string | null;
  invoiceDate: string | null;
  dueDate: string | null;
  supplierName: string | null;
  subtotal: number | null;
  tax: number | null;
  total: number | null;
  lines: ExtractedLine[];
  warnings: string[];
}

/** An invoice has at most this many lines; a longer file is not an invoice. */
export const MAX_INVOICE_LINES = 5_000;
/** Refused details listed in a 422 (the rest are counted). */
const MAX_DETAILS = 20;

const LIMITS = { description: 500, upc: 48, sku: 64, invoiceNumber: 64, supplierName: 200 };

/**
 * Collects what a reader (sheet or PDF) finds, checks each value and builds the invoice.
 * Every unreadable cell becomes a detail of one 422 naming where it is: an invoice carries
 * money, so a line whose quantity or cost cannot be read is not stored as a guess.
 */
export function invoiceBuilder() {
  const header: Partial<Record<HeaderField, unknown>> = {};
  const raw: Array<{ where: string; cells: Record<string, unknown> }> = [];
  const warnings: string[] = [];

  return {
    warnings,
    /** The first value seen for a header field wins (a footer "Total" after a header one). */
    header(fieldName: HeaderField, value: unknown) {
      if (text(value) !== null && header[fieldName] === undefined) header[fieldName] = value;
    },
    has: (fieldName: HeaderField) => header[fieldName] !== undefined,
    line(where: string, cells: Record<string, unknown>) {
      raw.push({ where, cells });
    },
    build(): ExtractedInvoice {
      const details: ErrorDetail[] = [];
      const refuse = (where: string, column: string, reason: string) =>
        details.push({ field: `${where}.${column}`, message: reason, code: 'invalid' });
      const take = <T>(where: string, column: string, cell: Cell<T>): T | null => {
        if (cell.ok) return cell.value;
        refuse(where, column, cell.reason);
        return null;
      };
      const h = header;
      const headerText = (f: 'invoiceNumber' | 'supplierName') => {
        const v = text(h[f]);
        if (v && v.length > LIMITS[f])
          refuse('header', f, `is longer than ${LIMITS[f]} characters`);
        return v;
      };
      const money = (f: 'subtotal' | 'tax' | 'total') => {
        const v = take('header', f, amount(h[f]));
        if (v !== null && Math.abs(v) > TOTAL_MAX) refuse('header', f, 'is too large');
        return v;
      };
      const invoiceDate = date(h.invoiceDate);
      const dueDate = date(h.dueDate);
      for (const d of [invoiceDate, dueDate])
        if (d.ok && d.ambiguous)
          warnings.push(`The date ${String(d.value)} was read day first (DD/MM/YYYY)`);
      const out: ExtractedInvoice = {
        invoiceNumber: headerText('invoiceNumber'),
        invoiceDate: take('header', 'invoiceDate', invoiceDate),
        dueDate: take('header', 'dueDate', dueDate),
        supplierName: headerText('supplierName'),
        subtotal: money('subtotal'),
        tax: money('tax'),
        total: money('total'),
        lines: [],
        warnings,
      };
      for (const { where, cells } of raw) {
        const line = readLine(where, cells, take, refuse, warnings);
        if (line) out.lines.push({ ...line, position: out.lines.length });
      }
      if (details.length) {
        const more = details.length - MAX_DETAILS;
        throw new UnprocessableError(
          `The invoice has ${details.length} value(s) that cannot be read${more > 0 ? ` (the first ${MAX_DETAILS} are listed)` : ''}: ${details
            .slice(0, 3)
            .map((d) => `${d.field}: ${d.message}`)
            .join('; ')}`,
          details.slice(0, MAX_DETAILS),
        );
      }
      if (!out.lines.length) throw new UnprocessableError('The invoice has no lines to read');
      if (out.lines.length > MAX_INVOICE_LINES)
        throw new UnprocessableError(
          `The invoice has ${out.lines.length} lines; at most ${MAX_INVOICE_LINES} are read`,
        );
      checkTotals(out);
      return out;
    },
  };
}

function readLine(
  where: string,
  cells: Record<string, unknown>,
  take: <T>(where: string, column: string, cell: Cell<T>) => T | null,
  refuse: (where: string, column: string, reason: string) => void,
  warnings: string[],
): Omit<ExtractedLine, 'position'> | undefined {
  let description = text(cells.description);
  const upc = text(cells.upc);
  const sku = text(cells.sku);
  const q = count(cells.quantity);
  const u = amount(cells.unitCost);
  const t = amount(cells.total);
  if (!q.ok || !u.ok || !t.ok) {
    take(where, 'quantity', q);
    take(where, 'unitCost', u);
    take(where, 'total', t);
    return undefined;
  }
  const quantity = q.value;
  let unitCost = u.value;
  let total = t.value;
  if (quantity === null && unitCost === null && total === null) {
    // A section title, a note, or a row a reader could not use: not a line.
    if (description || sku || upc)
      warnings.push(`${where} was skipped: it has no quantity or unit cost`);
    return undefined;
  }
  if (quantity === null) return void refuse(where, 'quantity', 'is missing');
  if (unitCost === null && total !== null && quantity > 0)
    unitCost = Math.round((total / quantity) * 100) / 100;
  if (unitCost === null) return void refuse(where, 'unitCost', 'is missing');
  if (unitCost < 0) return void refuse(where, 'unitCost', 'must not be negative');
  if (quantity > 1_000_000) return void refuse(where, 'quantity', 'is more than 1,000,000');
  if (unitCost > MONEY_MAX) return void refuse(where, 'unitCost', 'is too large');
  if (total !== null && Math.abs(total) > TOTAL_MAX)
    return void refuse(where, 'total', 'is too large');
  const computed = Math.round(quantity * unitCost * 100) / 100;
  if (total === null) total = computed;
  else if (Math.abs(total - computed) > 0.011)
    warnings.push(
      `${where}: the total ${total.toFixed(2)} is not quantity × unit cost (${computed.toFixed(2)})`,
    );
  if (upc && upc.length > LIMITS.upc)
    refuse(where, 'upc', `is longer than ${LIMITS.upc} characters`);
  if (sku && sku.length > LIMITS.sku)
    refuse(where, 'sku', `is longer than ${LIMITS.sku} characters`);
  if (description && description.length > LIMITS.description) {
    warnings.push(`${where}: the description was cut to ${LIMITS.description} characters`);
    description = description.slice(0, LIMITS.description);
  }
  const ocr = (cells.ocr as LineOcr | undefined) ?? null;
  return { description, quantity, unitCost, total, upc, sku, ocr };
}

/** Totals that do not add up are worth a look, not a refusal: the lines are what is received. */
function checkTotals(inv: ExtractedInvoice) {
  const sum = inv.lines.reduce((s, l) => s + Math.round(l.total * 100), 0) / 100;
  const stated = inv.subtotal ?? (inv.total !== null && inv.tax === null ? inv.total : null);
  if (stated !== null && Math.abs(stated - sum) > 0.011)
    inv.warnings.push(
      `The lines add up to ${sum.toFixed(2)}, the invoice says ${stated.toFixed(2)}`,
    );
  if (inv.total === null) inv.total = Math.round((sum + (inv.tax ?? 0)) * 100) / 100;
  if (inv.subtotal === null && inv.tax === null) inv.subtotal = sum;
}
