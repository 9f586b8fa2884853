import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_CSV_RECORD_CHARS,
  columnName,
  unprocessable,
} from './limits';
import { countSheetRows, xlsxRows } from './xlsx-rows';

export type SheetFormat = 'csv' | 'xlsx';

/** A row as the file holds it: its spreadsheet line, its cells, and how much input is read. */
export interface SourceRow {
  row: number;
  cells: unknown[];
  /** Fraction of the input consumed, 0..1. */
  progress: number;
}

export function sourceRows(
  file: Buffer,
  format: SheetFormat,
  /** Rows may have fewer or more cells than the first (an invoice's header block above its table). */
  opts: { ragged?: boolean } = {},
): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(file, opts.ragged ?? false) : xlsxRows(file);
}

/** Rows in the file, blank ones included, counted without parsing a cell. */
export async function countRows(file: Buffer, format: SheetFormat): Promise<number> {
  if (format === 'xlsx') return countSheetRows(file);
  let lines = file.length && file.at(-1) !== 10 ? 1 : 0;
  for (let i = file.indexOf(10); i !== -1; i = file.indexOf(10, i + 1)) lines++;
  return lines;
}

const SLICE = 64 * 1024;
function* slices(file: Buffer) {
  for (let i = 0; i < file.length; i += SLICE) yield file.subarray(i, i + SLICE);
}

/**
 * CSV rows, fed to the parser a slice at a time: handed the whole file at once, csv-parse
 * would split every record before the first one could be read (all of them in memory).
 * Records with only empty cells (`,,,` lines a spreadsheet leaves behind) are skipped,
 * as blank XLSX rows are.
 */
async function* csvRows(file: Buffer, ragged: boolean): AsyncGenerator<SourceRow> {
  const parser = Readable.from(slices(file)).pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: ragged,
      info: true,
      max_record_size: MAX_CSV_RECORD_CHARS,
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number; bytes: number };
  }>) {
    if (record.length > MAX_COLUMNS) {
      throw unprocessable(
        `Row ${info.lines} has ${record.length} columns; an import reads at most ${MAX_COLUMNS}`,
      );
    }
    const long = record.findIndex((v) => v.length > MAX_CELL_CHARS);
    if (long >= 0) {
      throw unprocessable(
        `Row ${info.lines}, column ${columnName(long + 1)}: a cell holds more than ${MAX_CELL_CHARS} characters (Excel's limit)`,
      );
    }
    yield { row: info.lines, cells: record, progress: info.bytes / Math.max(1, file.length) };
  }
}
