import type { StoreContext } from '../../core/context';
import type { JobsService } from '../jobs/jobs.service';
import { customSchema } from './custom/whitelist';
import { daysBetween, resolvePeriod, todayIn } from './period';
import { createReportJobs } from './report-jobs';
import { createSavedReports } from './saved-reports';
import { filenameOf, tableOfReport, type ReportData, type ReportName } from './report-tables';
import { runReport, type ReportDeps, type ReportRequest } from './run-report';

/**
 * Reports: read models over the other modules' tables (sales, stock movements, products,
 * purchase orders), the suppliers module's performance figures and the forecasting maths.
 */
/** A period longer than this (a year, a leap day included) is not reported in the request. */
export const REQUEST_PERIOD_DAYS = 366;

/** The number of days a report's period covers, by the store's calendar. */
function periodDays(request: ReportRequest, timezone: string): number {
  if (request.report === 'valuation' || request.report === 'custom') return 0;
  const p = resolvePeriod(request.params, timezone, 30);
  return daysBetween(p.from, p.to) + 1;
}

export function createReportsService(deps: ReportDeps & { jobs: JobsService }) {
  const reportJobs = createReportJobs(deps);
  const saved = createSavedReports(deps);

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

  /** A report answered in the request: at most 500 rows (see the contract). */
  async function run(ctx: StoreContext, request: ReportRequest) {
    return answer(ctx, request.report, await runReport(deps, ctx.storeId, request));
  }

  return {
    run,
    saved,

    /**
     * The report now, or — for a period longer than REQUEST_PERIOD_DAYS — a job queued to
     * make it (its `jobId`): a long report is read in the background, never in a request.
     */
    async runOrQueue(ctx: StoreContext, request: ReportRequest) {
      if (periodDays(request, await deps.timezoneOf(ctx.storeId)) > REQUEST_PERIOD_DAYS)
        return { queued: await reportJobs.start(ctx, request.report, request.params) };
      return { answer: await run(ctx, request) };
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
