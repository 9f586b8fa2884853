import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../http/errors';

export type ImportFormat = 'csv' | 'xlsx';
export type RawRecord = Record<string, unknown>;

/** Header spellings people use → our field names. */
const HEADERS: Record<string, string> = {
  sku: 'sku',
  barcode: 'barcode',
  upc: 'barcode',
  ean: 'barcode',
  gtin: 'barcode',
  name: 'name',
  productname: 'name',
  description: 'description',
  category: 'category',
  supplier: 'supplier',
  vendor: 'supplier',
  brand: 'brand',
  department: 'department',
  unit: 'unit',
  packsize: 'packSize',
  price: 'price',
  retailprice: 'price',
  cost: 'cost',
  unitcost: 'cost',
  reorderpoint: 'reorderPoint',
  reorderquantity: 'reorderQuantity',
  reorderqty: 'reorderQuantity',
  aisle: 'aisle',
  row: 'row',
  bin: 'bin',
  expiresat: 'expiresAt',
  expirationdate: 'expiresAt',
  expiry: 'expiresAt',
  active: 'active',
  quantity: 'quantity',
  qty: 'quantity',
  stock: 'quantity',
};

export const unprocessable = (message: string) => new AppError('UNPROCESSABLE', message, 422);

export function formatOf(filename: string, mimetype: string): ImportFormat | undefined {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'csv' || mimetype === 'text/csv') return 'csv';
  if (
    ext === 'xlsx' ||
    mimetype === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  )
    return 'xlsx';
  return undefined;
}

function mapHeaders(raw: unknown[]): Array<string | undefined> {
  const mapped = raw.map(
    (h) =>
      HEADERS[
        String(h ?? '')
          .toLowerCase()
          .replace(/[\s_\-.]/g, '')
      ],
  );
  if (!mapped.includes('name') || !mapped.includes('price')) {
    throw unprocessable(
      'The first row must be a header with at least the columns "name" and "price"',
    );
  }
  return mapped;
}

function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: Array<{ text: string }> };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return o.text;
    return undefined;
  }
  return v;
}

/** Rows one at a time (row = the line in the spreadsheet, header being row 1). */
export async function* readRows(
  file: Buffer,
  format: ImportFormat,
): AsyncGenerator<{ row: number; record: RawRecord }> {
  try {
    if (format === 'csv') {
      const parser = Readable.from([file]).pipe(
        parse({
          bom: true,
          trim: true,
          skip_empty_lines: true,
          relax_column_count: false,
          info: true,
          max_record_size: 100_000,
        }),
      );
      let headers: Array<string | undefined> | undefined;
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        if (!headers) {
          headers = mapHeaders(record);
          continue;
        }
        yield { row: info.lines, record: toRecord(headers, record) };
      }
      if (!headers) throw unprocessable('The file is empty');
      return;
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      let headers: Array<string | undefined> | undefined;
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (r.values as unknown[]).slice(1).map(cellValue);
        if (!headers) {
          headers = mapHeaders(values);
          continue;
        }
        if (values.every((v) => v === undefined || v === '')) continue;
        yield { row: r.number, record: toRecord(headers, values) };
      }
      if (!headers) throw unprocessable('The first worksheet is empty');
      return; // the first worksheet only
    }
    throw unprocessable('The workbook has no worksheet');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unprocessable(
      `The ${format.toUpperCase()} file could not be read: ${(err as Error).message.split('\n')[0]}`,
    );
  }
}

function toRecord(headers: Array<string | undefined>, values: unknown[]): RawRecord {
  const out: RawRecord = {};
  headers.forEach((h, i) => {
    const v = values[i];
    if (h && v !== undefined && v !== '') out[h] = typeof v === 'string' ? v.trim() : v;
  });
  return out;
}
