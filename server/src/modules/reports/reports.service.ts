import type { StoreContext } from '../../core/context';
import type { JobsService } from '../jobs/jobs.service';
import { customSchema } from './custom/whitelist';
import { todayIn } from './period';
import { createReportJobs } from './report-jobs';
import { filenameOf, tableOfReport, type ReportData, type ReportName } from './report-tables';
import { runReport, type ReportDeps, type ReportRequest } from './run-report';

/**
 * Reports: read models over the other modules' tables (sales, stock movements, products,
 * purchase orders), the suppliers module's performance figures and the forecasting maths.
 */
export function createReportsService(deps: ReportDeps & { jobs: JobsService }) {
  const reportJobs = createReportJobs(deps);

  /** What a route answers: the report, and how to render it as a CSV. */
  async function answer(ctx: StoreContext, report: ReportName, data: ReportData) {
    const today = todayIn(await deps.timezoneOf(ctx.storeId));
    return {
      data:
        report === 'custom'
          ? { columns: (data as { columns: unknown }).columns, rows: data.rows }
          : data,
      csv: () => ({
        filename: filenameOf(report, data, today),
        table: tableOfReport(report, data),
      }),
    };
  }

  return {
    /** A report answered in the request: at most 500 rows (see the contract). */
    async run(ctx: StoreContext, request: ReportRequest) {
      return answer(ctx, request.report, await runReport(deps, ctx.storeId, request));
    },

    customSchema: async () => customSchema(),

    startJob: (ctx: StoreContext, report: ReportName, params: unknown) =>
      reportJobs.start(ctx, report, params),

    async jobResult(ctx: StoreContext, jobId: string) {
      const { report, data } = await reportJobs.result(ctx, jobId);
      return answer(ctx, report, data);
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
