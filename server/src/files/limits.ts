import { UnprocessableError } from '../core/errors';

/*
 * What a spreadsheet read here may hold (the product import, supplier invoices). A hostile
 * file must be refused early and cheaply, never parsed on the API's event loop; a legitimate
 * 20 MB export of ~300k products must still pass.
 */

/**
 * Rows after the header, blank ones included. Counted (newlines; row tags) before any row is
 * read, so a job never stops halfway through a file that is too long.
 */
export const MAX_ROWS = 500_000;
/** An export has 20 columns; 100 leaves room for the user's own notes. */
export const MAX_COLUMNS = 100;
/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767;
/** A CSV line longer than this is refused before it is split into cells. */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

/*
 * XLSX pre-flight, read from the zip's central directory before anything is inflated. A
 * 300k-row, 20-column export unpacks to ~260 MB (its sheet XML compresses ~8:1; shared
 * strings ~16:1), so 512 MB of XML in all is the ceiling, and an entry that claims to grow
 * more than 100-fold is a zip bomb (a 100 MB cell of one letter compresses ~1000:1).
 */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;
export const MAX_COMPRESSION_RATIO = 100;
/** Small entries (styles, relationships) may compress well without being a threat. */
export const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
/** A workbook is a dozen entries; thousands is a crafted archive. */
export const MAX_ZIP_ENTRIES = 2_000;

/** Rows the read worker hands over at a time; memory is bounded by about two of these. */
export const PARSE_BATCH_ROWS = 500;
/** Read workers at once in a process (each may use up to the heap below). */
export const MAX_PARSE_WORKERS = 2;
/*
 * What the read worker keeps in memory is bounded by the limits themselves: cells, records
 * and XML buffers are capped, a reader's own state by the row limit, and the shared strings
 * below (a 300k-row export's 1.2M strings / 36M characters take ~105 MB of heap). The heap cap
 * is the last resort only: Node enforces it best-effort, and a worker dying of it can take
 * the process down (nodejs/node#47224; seen here with a tiny cap).
 */
export const MAX_SHARED_STRINGS = 1_500_000;
export const MAX_SHARED_STRING_CHARS = 48_000_000;
export const PARSE_WORKER_HEAP_MB = 256;
/** Growth of the process's resident memory while a read worker runs, past which it is stopped. */
export const PARSE_WORKER_RSS_MB = 768;
/** XML elements inside one another; a worksheet nests about five deep. */
export const MAX_XML_DEPTH = 64;

export const unprocessable = (message: string) => new UnprocessableError(message);

/** Spreadsheet column letters for a 1-based index (1 → A, 16384 → XFD). */
export function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
