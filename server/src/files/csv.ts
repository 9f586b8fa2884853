import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifyNow } from 'csv-stringify/sync';

/** A cell of a written CSV. */
export type CsvCell = string | number | boolean | null;

/**
 * A spreadsheet would run text that starts like a formula (CSV injection): quote it with a
 * leading apostrophe, so it shows the text instead. Every text cell, SKUs and barcodes too (a
 * SKU may be `=1+1` or `-cmd|...`: visible ASCII); the product import takes the quote off again
 * (import-apply.ts).
 */
export const neutraliseFormula = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Booleans as `true` / `false`, as the import reads them back. */
const OPTIONS = { cast: { boolean: (b: boolean) => String(b) } };

/**
 * Rows written to `out` as CSV as they come, after a header of `columns`, waiting whenever
 * `out` is full, so memory stays flat at any size; resolves when `out` has finished.
 */
export async function writeCsv(
  out: Writable,
  columns: string[],
  rows: AsyncIterable<CsvCell[]>,
): Promise<void> {
  const csv = stringify({ header: true, columns, ...OPTIONS });
  csv.pipe(out);
  for await (const row of rows) {
    if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
  }
  csv.end();
  await new Promise((resolve) => out.once('finish', resolve));
}

/** A small table as CSV text at once: a header of `columns`, then the rows. */
export const csvText = (columns: string[], rows: CsvCell[][]): string =>
  stringifyNow([columns, ...rows], OPTIONS);
