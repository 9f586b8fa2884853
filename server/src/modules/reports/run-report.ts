import type { Pool } from 'pg';
import { ValidationError } from '../../core/errors';
import { consumptionReport } from './consumption';
import { customReport } from './custom/custom';
import { customReportParams, type CustomReportParams } from './custom/custom.schemas';
import type { ReportData, ReportName } from './report-tables';
import {
  consumptionParams,
  valuationParams,
  vendorParams,
  wasteParams,
  type ConsumptionParams,
  type ValuationParams,
  type VendorParams,
  type WasteParams,
} from './reports.schemas';
import { valuationReport } from './valuation';
import { vendorPerformanceReport, type SupplierPerformance } from './vendor-performance';
import { wasteReport } from './waste';
import type { ZeroStockDays } from './stock-days';

export interface ReportDeps {
  pool: Pool;
  /** The inventory module's ledger reading (consumption's days in stock). */
  zeroStockDays: ZeroStockDays;
  suppliers: SupplierPerformance;
  timezoneOf(storeId: string): Promise<string>;
}

/** A report and its parsed params: what a route asks for, and what a job stores. */
export type ReportRequest =
  | { report: 'consumption'; params: ConsumptionParams }
  | { report: 'waste'; params: WasteParams }
  | { report: 'vendor-performance'; params: VendorParams }
  | { report: 'valuation'; params: ValuationParams }
  | { report: 'custom'; params: CustomReportParams };

const PARAMS = {
  consumption: consumptionParams,
  waste: wasteParams,
  'vendor-performance': vendorParams,
  valuation: valuationParams,
  custom: customReportParams,
};

/** A job's params, checked as its route checks them: a 400 naming `params.<field>`. */
export function parseRequest(report: ReportName, params: unknown): ReportRequest {
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
  // The schema is the one of this report: the pair is one of ReportRequest's.
  return { report, params: result.data } as ReportRequest;
}

/** Runs any report; `all` keeps every row (a job). */
export async function runReport(
  deps: ReportDeps,
  storeId: string,
  request: ReportRequest,
  opts: { all?: boolean; progress?: (share: number) => Promise<void> } = {},
): Promise<ReportData> {
  const { pool } = deps;
  const timezone = () => deps.timezoneOf(storeId);
  switch (request.report) {
    case 'consumption':
      return consumptionReport(deps, storeId, await timezone(), request.params, opts);
    case 'waste':
      return wasteReport(pool, storeId, await timezone(), request.params, opts);
    case 'vendor-performance':
      return vendorPerformanceReport(
        pool,
        deps.suppliers,
        storeId,
        await timezone(),
        request.params,
        opts,
      );
    case 'valuation':
      return valuationReport(pool, storeId, request.params, opts);
    case 'custom':
      return customReport(pool, storeId, request.params);
  }
}
