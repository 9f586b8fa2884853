import { UnsupportedMediaTypeError } from '../core/errors';
import type { SheetFormat } from './sheet-source';
import { checkSizes, openArchive } from './xlsx-zip';

const SNIFF_BYTES = 64 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
export const unsupported = (message = 'Upload a .csv or .xlsx file') =>
  new UnsupportedMediaTypeError(message);

/** What a file is, from its bytes: a name or a browser's mimetype says little. */
export type SniffedFormat = SheetFormat | 'pdf';

/**
 * The format of an upload from its bytes: an XLSX is a zip holding a workbook (its sizes
 * checked from the zip directory, nothing inflated), a PDF starts with its `%PDF-` marker,
 * and anything else must be UTF-8 text to be read as CSV. Shared by the product import and
 * supplier invoices, so a PDF renamed .csv is never parsed as CSV.
 */
export async function sniffFormat(
  file: Buffer,
  refusal = 'Upload a .csv or .xlsx file',
): Promise<SniffedFormat> {
  if (file.subarray(0, 4).equals(ZIP_MAGIC)) {
    const archive = await openArchive(file);
    try {
      if (!archive.entries.has('xl/workbook.xml')) throw unsupported(refusal);
      checkSizes(archive.entries);
      return 'xlsx';
    } finally {
      archive.zip.close();
    }
  }
  const sample = file.subarray(0, SNIFF_BYTES);
  if (sample.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const controls = sample.filter((b) => b < 9 || (b > 13 && b < 32)).length;
  // A stray NUL in a cell is the row's error to report; UTF-16 text or a binary file is
  // full of them.
  if (controls > Math.max(8, sample.length / 100)) throw unsupported(refusal);
  if (!isUtf8(sample)) {
    throw unsupported(
      'The file is neither an .xlsx workbook nor UTF-8 text: save the CSV as "CSV UTF-8"',
    );
  }
  return 'csv';
}

function isUtf8(sample: Buffer): boolean {
  try {
    // stream: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}
