import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { StoreMember } from './factories';

/*
 * Invoice files made in the tests: CSV text, XLSX workbooks (ExcelJS), and PDFs (pdf-lib)
 * with a text layer or only an image, as a scanner makes them.
 */

/** POST /invoices: the form fields, then the file. */
export function uploadInvoice(
  s: StoreMember,
  file: Buffer,
  filename: string,
  fields: Record<string, string> = {},
) {
  let req = s.api.post(`${s.url}/invoices`).set(s.auth);
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  return req.attach('file', file, filename);
}

/** Rows of cells as CSV, quoted where needed. */
export function csvOf(rows: unknown[][]): Buffer {
  const cell = (v: unknown) => {
    const text = v === undefined || v === null ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(rows.map((r) => r.map(cell).join(',')).join('\n') + '\n');
}

/** A workbook whose first sheet holds the rows; `{ formula }` cells are real formulas. */
export async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Invoice');
  for (const r of rows) sheet.addRow(r as ExcelJS.CellValue[]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A PDF whose page holds these text lines, as an invoicing program prints them. */
export async function textPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((text, i) => page.drawText(text, { x: 40, y: 800 - i * 18, size: 10, font }));
  return Buffer.from(await doc.save());
}

// A 1×1 grey PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);

/** A scanned invoice: one page that is only an image, no text layer. */
export async function imagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const image = await doc.embedPng(PNG);
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}
