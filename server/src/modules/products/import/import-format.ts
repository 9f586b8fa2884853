import { UnsupportedMediaTypeError } from '../../../core/errors';
import { INLINE_MAX_BYTES, INLINE_MAX_LINES, INLINE_MAX_XML_BYTES } from './import-limits';
import type { ImportFormat } from './import-source';
import { checkSizes, openArchive, rowDataBytes } from './xlsx-zip';

const SNIFF_BYTES = 64 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const unsupported = (message = 'Upload a .csv or .xlsx file') =>
  new UnsupportedMediaTypeError(message);

export interface Upload {
  format: ImportFormat;
  /** Small enough to import within the request; otherwise it becomes a job at once. */
  inline: boolean;
}

/**
 * What the upload is, from its bytes (a name or a browser's mimetype says little), and
 * whether it is small enough to run inline, decided without parsing a row: an XLSX from
 * its zip directory, a CSV from its size and newline count.
 */
export async function inspectUpload(file: Buffer): Promise<Upload> {
  if (file.subarray(0, 4).equals(ZIP_MAGIC)) {
    const archive = await openArchive(file);
    try {
      if (!archive.entries.has('xl/workbook.xml')) throw unsupported();
      checkSizes(archive.entries);
      const small =
        file.length <= INLINE_MAX_BYTES && rowDataBytes(archive.entries) <= INLINE_MAX_XML_BYTES;
      return { format: 'xlsx', inline: small };
    } finally {
      archive.zip.close();
    }
  }
  const sample = file.subarray(0, SNIFF_BYTES);
  if (sample.subarray(0, 5).toString('latin1') === '%PDF-') throw unsupported();
  const controls = sample.filter((b) => b < 9 || (b > 13 && b < 32)).length;
  // A stray NUL in a cell is the row's error to report; UTF-16 text or a binary file is
  // full of them.
  if (controls > Math.max(8, sample.length / 100)) throw unsupported();
  if (!isUtf8(sample)) {
    throw unsupported(
      'The file is neither an .xlsx workbook nor UTF-8 text: save the CSV as "CSV UTF-8"',
    );
  }
  return {
    format: 'csv',
    inline: file.length <= INLINE_MAX_BYTES && lines(file) <= INLINE_MAX_LINES,
  };
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

function lines(file: Buffer): number {
  let n = 0;
  for (let i = file.indexOf(10); i !== -1 && n <= INLINE_MAX_LINES; i = file.indexOf(10, i + 1))
    n++;
  return n;
}
