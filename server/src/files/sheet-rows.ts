import { AppError } from '../core/errors';
import { PARSE_BATCH_ROWS, unprocessable } from './limits';
import { countRows, sourceRows, type SheetFormat } from './sheet-source';

/** A non-blank row of a sheet as the file holds it: its spreadsheet line and its cells. */
export interface SheetRow {
  row: number;
  cells: unknown[];
}

export interface SheetBatch {
  rows: SheetRow[];
  progress: number;
}

/**
 * The rows of a CSV or the first worksheet of an XLSX, blank ones left out, with nothing
 * interpreted: for readers whose files are not product lists (supplier invoices), which map
 * the columns themselves. The same reader and limits as the product import; it runs in the
 * read worker (read-in-worker.ts, `readSheet`).
 */
export async function* readSheetRows(
  file: Buffer,
  format: SheetFormat,
  maxRows: number,
): AsyncGenerator<SheetBatch> {
  let rows: SheetRow[] = [];
  let progress = 0;
  try {
    const lines = await countRows(file, format);
    if (lines > maxRows) {
      throw unprocessable(`The file has ${lines} rows; at most ${maxRows} are read`);
    }
    for await (const source of sourceRows(file, format, { ragged: true })) {
      progress = source.progress;
      if (source.cells.every((v) => v === undefined || v === '')) continue;
      rows.push({ row: source.row, cells: source.cells });
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
  yield { rows, progress: 1 };
}
