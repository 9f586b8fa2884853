import type { Pool } from 'pg';
import { ValidationError } from '../../core/errors';
import { consumptionReport } from './consumption';
import { customReport } from './custom/custom';
import { customReportParams } from './custom/custom.schemas';
import type { ReportData, ReportName } from './report-tables';
import { consumptionParams, valuationParams, vendorParams, wasteParams } from './reports.schemas';
import { valuationReport } from './valuation';
import { vendorPerformanceReport, type SupplierPerformance } from './vendor-performance';
import { wasteReport } from './waste';

export interface ReportDeps {
  pool: Pool;
  suppliers: SupplierPerformance;
  timezoneOf(storeId: string): Promise<string>;
}

const PARAMS = {
  consumption: consumptionParams,
  waste: wasteParams,
  'vendor-performance': vendorParams,
  valuation: valuationParams,
  custom: customReportParams,
};

/** A job's params, checked as its route checks them: a 400 naming `params.<field>`. */
export function parseParams(report: ReportName, params: unknown) {
  const result = PARAMS[report].safeParse(params ?? {});
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((i) => ({
        field: ['params', ...i.path].join('.'),
        message: i.message,
        code: i.code,
      })),
    );
  }
  return result.data;
}

/** Runs any report with parsed params; `all` keeps every row (a job). */
export async function runReport(
  deps: ReportDeps,
  storeId: string,
  report: ReportName,
  params: unknown,
  opts: { all?: boolean; progress?: (share: number) => Promise<void> } = {},
): Promise<ReportData> {
  const { pool } = deps;
  switch (report) {
    case 'consumption':
      return consumptionReport(
        pool,
        storeId,
        await deps.timezoneOf(storeId),
        params as never,
        opts,
      );
    case 'waste':
      return wasteReport(pool, storeId, await deps.timezoneOf(storeId), params as never, opts);
    case 'vendor-performance':
      return vendorPerformanceReport(
        pool,
        deps.suppliers,
        storeId,
        await deps.timezoneOf(storeId),
        params as never,
      );
    case 'valuation':
      return valuationReport(pool, storeId, params as never, opts);
    case 'custom':
      return customReport(pool, storeId, params as never);
  }
}
