import type { Response } from 'express';
import { csvText, neutraliseFormula, type CsvCell } from '../../files/csv';

/** A report as a table: its CSV columns (header) and rows of cells. */
export interface Table {
  columns: string[];
  rows: CsvCell[][];
}

const cell = (v: unknown): CsvCell => {
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
  const body = csvText(table.columns, table.rows);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.type('text/csv; charset=utf-8');
  res.send(body);
}
