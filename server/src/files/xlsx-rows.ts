import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, columnName, unprocessable } from './limits';
import type { SourceRow } from './sheet-source';
import { dateStyles, feed, firstSheet, local, sharedStrings, xmlParser } from './xlsx-parts';
import { checkSizes, openArchive, openEntry } from './xlsx-zip';

const DAY_MS = 24 * 60 * 60 * 1000;
// Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug folded in), or 1904-01-01.
const serialToDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS))
    .toISOString()
    .slice(0, 10);

/** `XFD12` → 16384; undefined when the reference has no column letters. */
function columnOf(ref: string | undefined): number | undefined {
  const letters = /^[A-Z]{1,3}/i.exec(ref ?? '')?.[0];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Row elements in the first sheet, counted in the inflated bytes without parsing them. */
export async function countSheetRows(file: Buffer): Promise<number> {
  const archive = await openArchive(file);
  try {
    checkSizes(archive.entries);
    const stream = (await openEntry(archive, (await firstSheet(archive)).path))!;
    let rows = 0;
    let tail = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // latin1 keeps one character per byte; the tail catches a tag cut between chunks.
      const text = tail + chunk.toString('latin1');
      rows += text.match(/[<:]row[\s>/]/g)?.length ?? 0;
      tail = text.slice(-5);
    }
    return rows;
  } finally {
    archive.zip.close();
  }
}

/**
 * The first worksheet's rows, streamed from the zip. The row and column limits are checked
 * as each element opens, so a row reaching column XFD is refused before anything is built
 * for it, and memory holds one inflated chunk's rows at a time.
 */
export async function* xlsxRows(file: Buffer): AsyncGenerator<SourceRow> {
  const archive = await openArchive(file);
  try {
    checkSizes(archive.entries);
    const sheet = await firstSheet(archive);
    const strings = await sharedStrings(archive);
    const dates = await dateStyles(archive);
    const total = archive.entries.get(sheet.path)!.uncompressedSize;
    const stream = (await openEntry(archive, sheet.path))!;

    const ready: Array<Omit<SourceRow, 'progress'>> = [];
    let row = 0;
    let rowsSeen = 0;
    let lastCol = 0;
    let cells: unknown[] = [];
    let cell: { col: number; type?: string; style: number; text: string } | undefined;
    let collecting = false;
    let phonetic = 0;
    const parser = xmlParser();
    parser.onopentag = (tag) => {
      const name = local(tag.name);
      const attrs = tag.attributes as Record<string, string>;
      if (name === 'row') {
        row = attrs.r ? Number(attrs.r) : row + 1;
        if (++rowsSeen > MAX_ROWS + 1)
          throw unprocessable(`The sheet has more than ${MAX_ROWS} rows after the header`);
        cells = [];
        lastCol = 0;
      } else if (name === 'c') {
        const col = columnOf(attrs.r) ?? lastCol + 1;
        lastCol = col;
        cell = { col, type: attrs.t, style: Number(attrs.s ?? 0), text: '' };
      } else if (name === 'rPh') phonetic++;
      else if (cell && (name === 'v' || (name === 't' && phonetic === 0))) collecting = true;
    };
    parser.ontext = (text) => {
      if (!collecting || !cell) return;
      cell.text += text;
      if (cell.text.length > MAX_CELL_CHARS)
        throw unprocessable(
          `Row ${row}, column ${columnName(cell.col)}: a cell holds more than ${MAX_CELL_CHARS} characters (Excel's limit)`,
        );
    };
    parser.onclosetag = (tagName) => {
      const name = local(tagName);
      if (name === 'v' || name === 't') collecting = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const value = cellValue(cell, strings, dates, sheet.date1904);
        if (value !== undefined && value !== '') {
          if (cell.col > MAX_COLUMNS)
            throw unprocessable(
              `Row ${row} has a value in column ${columnName(cell.col)}; an import reads at most ${MAX_COLUMNS} columns (A to ${columnName(MAX_COLUMNS)})`,
            );
          cells[cell.col - 1] = value;
        }
        cell = undefined;
      } else if (name === 'row') ready.push({ row, cells });
    };

    for await (const bytes of feed(stream, parser)) {
      const progress = bytes / Math.max(1, total);
      for (const r of ready.splice(0)) yield { ...r, progress };
    }
    for (const r of ready.splice(0)) yield { ...r, progress: 1 };
  } finally {
    archive.zip.close();
  }
}

function cellValue(
  cell: { type?: string; style: number; text: string },
  strings: string[],
  dates: boolean[],
  date1904: boolean,
): unknown {
  const { type, text } = cell;
  switch (type) {
    case 's':
      return strings[Number(text)];
    case 'inlineStr':
    case 'str':
      return text;
    case 'b':
      return text === '1' || text === 'true';
    case 'e':
      return undefined; // #N/A, #REF!: no value
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
    default: {
      if (text.trim() === '') return undefined;
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      return dates[cell.style] ? serialToDate(n, date1904) : n;
    }
  }
}
