import type { StoreContext } from '../../core/context';
import {
  InvalidStateError,
  NotFoundError,
  ValidationError,
  type ErrorDetail,
} from '../../core/errors';
import type { JobsService } from '../jobs/jobs.service';
import { buildQuery } from './custom/build-query';
import type { CustomReportParams } from './custom/custom.schemas';
import * as results from './report-results.repo';
import type { ReportData, ReportName } from './report-tables';
import { parseRequest, runReport, type ReportDeps, type ReportRequest } from './run-report';

export const REPORT_JOB = 'reports.run';

/** A custom report's names are checked against the whitelist now, not when the job runs. */
function checkCustom(storeId: string, params: CustomReportParams) {
  try {
    buildQuery(storeId, params);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const details = (err.details ?? []) as ErrorDetail[];
    throw new ValidationError(details.map((d) => ({ ...d, field: `params.${d.field}` })));
  }
}

/** Reports as background jobs: queued with checked params, run with every row, stored apart. */
export function createReportJobs(deps: ReportDeps & { jobs: JobsService }) {
  const { pool, jobs } = deps;

  jobs.register(
    REPORT_JOB,
    async ({ job, progress }) => {
      // Stored by start() once parsed.
      const request = job.payload as ReportRequest;
      const storeId = job.store_id!;
      await progress(pool, 5);
      const data = await runReport(deps, storeId, request, {
        all: true,
        // The report's own work is 5..95%; storing it the rest.
        progress: (share) => progress(pool, Math.round(5 + 90 * share)),
      });
      await results.saveResult(pool, storeId, job.id, request.report, data);
      // The job's own result stays null: GET jobs/{id} needs only inventory:read.
      return null;
    },
    { announce: 'Report' },
  );

  return {
    async start(ctx: StoreContext, report: ReportName, params: unknown) {
      const request = parseRequest(report, params);
      if (request.report === 'custom') checkCustom(ctx.storeId, request.params);
      // The same report asked again while it is queued or running is that job, not another.
      const { jobId } = await jobs.enqueueOnce(
        {
          storeId: ctx.storeId,
          type: REPORT_JOB,
          payload: request,
          createdBy: ctx.userId,
          what: 'report',
        },
        { minIntervalSeconds: 0, reuseRunning: true, samePayload: true },
      );
      return { jobId };
    },

    /** The finished report; 404 for a job that is not this store's report job, 409 until done. */
    async result(
      ctx: StoreContext,
      jobId: string,
    ): Promise<{ report: ReportName; data: ReportData }> {
      const job = await jobs.get(ctx, jobId);
      if (job.type !== REPORT_JOB) throw new NotFoundError('Report job');
      if (job.status === 'failed') {
        throw new InvalidStateError(`The report job failed: ${job.error ?? 'unknown error'}`);
      }
      if (job.status !== 'succeeded') {
        throw new InvalidStateError(
          `The report is not ready yet (${job.status}, ${job.progress}% done): poll GET jobs/${jobId}`,
        );
      }
      const stored = await results.findResult(pool, ctx.storeId, jobId);
      if (!stored) throw new NotFoundError('Report job');
      return { report: stored.report as ReportName, data: stored.result as ReportData };
    },
  };
}

export type ReportJobs = ReturnType<typeof createReportJobs>;
