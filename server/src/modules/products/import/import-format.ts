import { sniffFormat, unsupported } from '../../../files/format';
import type { SheetFormat } from '../../../files/sheet-source';
import { openArchive, rowDataBytes } from '../../../files/xlsx-zip';
import { INLINE_MAX_BYTES, INLINE_MAX_LINES, INLINE_MAX_XML_BYTES } from './import-limits';

export interface Upload {
  format: SheetFormat;
  /** Small enough to import within the request; otherwise it becomes a job at once. */
  inline: boolean;
}

/**
 * What the upload is, from its bytes, and whether it is small enough to run inline, decided
 * without parsing a row: an XLSX from its zip directory, a CSV from its size and newline count.
 */
export async function inspectUpload(file: Buffer): Promise<Upload> {
  const format = await sniffFormat(file);
  if (format === 'pdf') throw unsupported();
  if (format === 'xlsx') {
    const archive = await openArchive(file);
    try {
      const small =
        file.length <= INLINE_MAX_BYTES && rowDataBytes(archive.entries) <= INLINE_MAX_XML_BYTES;
      return { format, inline: small };
    } finally {
      archive.zip.close();
    }
  }
  return {
    format: 'csv',
    inline: file.length <= INLINE_MAX_BYTES && lines(file) <= INLINE_MAX_LINES,
  };
}

function lines(file: Buffer): number {
  let n = 0;
  for (let i = file.indexOf(10); i !== -1 && n <= INLINE_MAX_LINES; i = file.indexOf(10, i + 1))
    n++;
  return n;
}
