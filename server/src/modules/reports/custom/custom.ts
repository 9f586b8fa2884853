import type { Pool } from 'pg';
import { buildQuery, type Column } from './build-query';
import type { CustomReportParams } from './custom.schemas';
import { runCustom } from './custom.repo';

export interface CustomResult {
  columns: Column[];
  rows: Array<Record<string, unknown>>;
  /** Not in the JSON answer: the CSV's file name. */
  dataset: string;
}

export async function customReport(
  pool: Pool,
  storeId: string,
  params: CustomReportParams,
): Promise<CustomResult> {
  const query = buildQuery(storeId, params);
  return { columns: query.columns, rows: await runCustom(pool, query), dataset: params.dataset };
}
