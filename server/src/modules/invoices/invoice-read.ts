import { UnprocessableError } from '../../core/errors';
import { sniffFormat } from '../../files/format';
import { pdfTextLines } from '../../files/pdf/pdf-text';
import {
  imageTypeOf,
  ocrImage,
  ocrScannedPdf,
  type ImageType,
  type OcrEngine,
} from '../../files/ocr/ocr-read';
import { readSheet } from '../../files/read-in-worker';
import { MAX_INVOICE_LINES, type ExtractedInvoice } from './invoice-extract';
import { invoiceFromOcr, invoiceFromPdfText } from './invoice-pdf';
import { invoiceFromSheet } from './invoice-sheet';

export type InvoiceFileType = 'csv' | 'xlsx' | 'pdf' | ImageType;

/** The upload limit (multer answers 413 past it, without holding more than this). */
export const MAX_INVOICE_BYTES = 10 * 1024 * 1024;
/** Rows of a sheet: the lines plus a generous header block, footers and blank rows. */
const MAX_SHEET_ROWS = MAX_INVOICE_LINES + 200;

/**
 * Reads a supplier's invoice file. The type comes from the bytes (a PDF renamed .csv is read
 * as the PDF it is); CSV and XLSX go through the spreadsheet reader the product import uses
 * too (one reader, its limits, in its worker: files/), PDFs through pdf.js in a reader
 * process under a budget (files/pdf/). A photo (PNG, JPEG) or a PDF without text (a scan) is
 * read by OCR (files/ocr/: tesseract in a process of its own, under a budget) into the same
 * lines as a PDF's text, each with how sure OCR was of it.
 */
export async function readInvoiceFile(
  file: Buffer,
  /** Whose file: one PDF of a store is read at a time. */
  storeId: string,
  ocr: OcrEngine,
): Promise<{ type: InvoiceFileType; invoice: ExtractedInvoice }> {
  if (!file.length) throw new UnprocessableError('The file is empty');
  const image = imageTypeOf(file);
  if (image)
    return { type: image, invoice: invoiceFromOcr(await ocrImage(file, image, storeId, ocr)) };
  const type = await sniffFormat(
    file,
    'Upload the invoice as a .csv, .xlsx or .pdf file, or a scan as .png or .jpg',
  );
  if (type === 'pdf') {
    const { pages } = await pdfTextLines(file, storeId);
    if (pages.some((lines) => lines.some((l) => l.trim())))
      return { type, invoice: invoiceFromPdfText(pages) };
    return { type, invoice: invoiceFromOcr(await ocrScannedPdf(file, storeId, ocr)) };
  }
  const rows = await readSheet(storeId, file, type, MAX_SHEET_ROWS);
  if (!rows.length)
    throw new UnprocessableError(
      type === 'csv' ? 'The file is empty' : 'The first worksheet is empty',
    );
  return { type, invoice: invoiceFromSheet(rows) };
}
