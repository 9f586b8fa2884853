import { UnprocessableError } from '../../core/errors';
import { sniffFormat } from '../../files/format';
import { pdfTextLines } from '../../files/pdf/pdf-text';
import { readSheet } from '../../files/read-in-worker';
import { MAX_INVOICE_LINES, type ExtractedInvoice } from './invoice-extract';
import { invoiceFromPdfText } from './invoice-pdf';
import { invoiceFromSheet } from './invoice-sheet';

export type InvoiceFileType = 'csv' | 'xlsx' | 'pdf';

/** The upload limit (multer answers 413 past it, without holding more than this). */
export const MAX_INVOICE_BYTES = 10 * 1024 * 1024;
/** Rows of a sheet: the lines plus a generous header block, footers and blank rows. */
const MAX_SHEET_ROWS = MAX_INVOICE_LINES + 200;

/**
 * Reads a supplier's invoice file. The type comes from the bytes (a PDF renamed .csv is read
 * as the PDF it is); CSV and XLSX go through the spreadsheet reader the product import uses
 * too (one reader, its limits, in its worker: files/), PDFs through pdf.js in a reader
 * process under a budget (files/pdf/).
 */
export async function readInvoiceFile(
  file: Buffer,
  /** Whose file: one PDF of a store is read at a time. */
  storeId: string,
): Promise<{ type: InvoiceFileType; invoice: ExtractedInvoice }> {
  if (!file.length) throw new UnprocessableError('The file is empty');
  const type = await sniffFormat(file, 'Upload the invoice as a .csv, .xlsx or .pdf file');
  if (type === 'pdf') {
    const { pages } = await pdfTextLines(file, storeId);
    return { type, invoice: invoiceFromPdfText(pages) };
  }
  const rows = await readSheet(storeId, file, type, MAX_SHEET_ROWS);
  if (!rows.length)
    throw new UnprocessableError(
      type === 'csv' ? 'The file is empty' : 'The first worksheet is empty',
    );
  return { type, invoice: invoiceFromSheet(rows) };
}
