import { AppError, type ErrorDetail } from '../../../core/errors';
import { mapHeaders, toRecord } from './import-header';
import { MAX_ROWS, PARSE_BATCH_ROWS, unprocessable } from '../../../files/limits';
import { parseRow, type ImportRow } from './import-row';
import { countRows, sourceRows, type SheetFormat } from '../../../files/sheet-source';

/** A row checked against the row schema: its value, or why it is refused. */
export type ParsedRow = { row: number; value: ImportRow } | { row: number; errors: ErrorDetail[] };

export interface Batch {
  rows: ParsedRow[];
  /** Fraction of the input consumed when the batch was cut, 0..1. */
  progress: number;
}

/**
 * Everything about an import that needs no database, in batches: reading the file, the
 * header, each row's schema and the SKUs repeated in the file. It runs in the parse worker.
 * Rows up to `skipThrough` (a resumed job's checkpoint) are read, so a repeated SKU is still
 * recognised, but not handed over again.
 */
export async function* parseImport(
  file: Buffer,
  format: SheetFormat,
  skipThrough = 0,
): AsyncGenerator<Batch> {
  let headers: Array<string | undefined> | undefined;
  let count = 0; // a second guard: the count above decides
  const seenSkus = new Set<string>();
  let rows: ParsedRow[] = [];
  let progress = 0;
  try {
    const lines = await countRows(file, format);
    if (lines - 1 > MAX_ROWS) {
      throw unprocessable(
        `The file has ${lines - 1} rows after the header; at most ${MAX_ROWS} are imported at once: split it into several files`,
      );
    }
    for await (const source of sourceRows(file, format)) {
      progress = source.progress;
      if (source.cells.every((v) => v === undefined || v === '')) continue;
      if (!headers) {
        headers = mapHeaders(source.cells);
        continue;
      }
      if (++count > MAX_ROWS) {
        throw unprocessable(
          `The file has more than ${MAX_ROWS} rows after the header (row ${source.row})`,
        );
      }
      const parsed = check(parseRow(toRecord(headers, source.cells)), seenSkus);
      if (source.row <= skipThrough) continue;
      rows.push({ row: source.row, ...parsed });
      if (rows.length >= PARSE_BATCH_ROWS) {
        yield { rows, progress };
        rows = [];
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unprocessable(
      `The ${format.toUpperCase()} file could not be read: ${String((err as Error).message).split('\n')[0]}`,
    );
  }
  if (!headers)
    throw unprocessable(format === 'csv' ? 'The file is empty' : 'The first worksheet is empty');
  yield { rows, progress: 1 };
}

/** A SKU seen on an earlier valid row of the file is refused here, before any database work. */
function check(
  parsed: ReturnType<typeof parseRow>,
  seenSkus: Set<string>,
): { value: ImportRow } | { errors: ErrorDetail[] } {
  if (!parsed.ok) return { errors: parsed.errors };
  const sku = parsed.value.sku;
  if (sku && seenSkus.has(sku))
    return {
      errors: [{ field: 'sku', message: 'appears more than once in the file', code: 'duplicate' }],
    };
  if (sku) seenSkus.add(sku);
  return { value: parsed.value };
}
