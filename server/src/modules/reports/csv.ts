import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../products/import/export.service';

/** A report as a table: its CSV columns (header) and rows of cells. */
export interface Table {
  columns: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

const cell = (v: unknown): string | number | boolean | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return neutraliseFormula(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return neutraliseFormula(String(v));
};

/** Rows of objects as a table of the given keys (the header is the keys). */
export function tableOf(columns: string[], rows: ReadonlyArray<Record<string, unknown>>): Table {
  return { columns, rows: rows.map((r) => columns.map((c) => cell(r[c]))) };
}

/**
 * Answers the table as a CSV attachment. Text starting like a formula (= + - @) gets a leading
 * apostrophe, as the product export does, so a spreadsheet shows it instead of running it.
 */
export function sendCsv(res: Response, filename: string, table: Table) {
  const body = stringify([table.columns, ...table.rows], {
    cast: { boolean: (b) => String(b) },
  });
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.type('text/csv; charset=utf-8');
  res.send(body);
}
