import type { Request, Response } from 'express';
import { z } from 'zod';
import { ok } from '../../http/envelope';
import type { Routes } from '../../http/route';
import { idParams, uuid } from '../../http/validate';
import { customReportBody } from './custom/custom.schemas';
import { sendCsv } from './csv';
import { REPORTS } from './report-tables';
import type { ReportsService } from './reports.service';
import {
  consumptionQuery,
  formatQuery,
  savedReportBody,
  valuationQuery,
  vendorQuery,
  wasteQuery,
} from './reports.schemas';

type Answer = Awaited<ReturnType<ReportsService['run']>>;
type Outcome = Awaited<ReturnType<ReportsService['runOrQueue']>>;

/** JSON in the envelope, or the CSV attachment. */
function reply(req: Request, res: Response, format: 'json' | 'csv', answer: Answer) {
  if (format === 'csv') {
    const { filename, table } = answer.csv();
    return sendCsv(res, filename, table);
  }
  res.json(ok(req, answer.data));
}

/** The report, or 202 with the job that is making it (a period too long for a request). */
function replyOrQueued(req: Request, res: Response, format: 'json' | 'csv', outcome: Outcome) {
  if (outcome.answer) return reply(req, res, format, outcome.answer);
  const { jobId } = outcome.queued;
  const store = `/api/v1/stores/${req.store!.storeId}`;
  res
    .status(202)
    .setHeader('Location', `${store}/jobs/${jobId}`)
    .setHeader('Retry-After', '2')
    .json(
      ok(req, {
        jobId,
        status: 'queued',
        download: `${store}/reports/jobs/${jobId}/download${format === 'csv' ? '?format=csv' : ''}`,
      }),
    );
}

const jobBody = z.object({
  report: z.enum(REPORTS, { message: `must be one of ${REPORTS.join(', ')}` }),
  params: z.record(z.string(), z.unknown()).optional(),
});
const jobParams = z.object({ storeId: uuid, jobId: uuid });
const permission = 'reports:view';

/**
 * Routes under /api/v1/stores/:storeId; every one needs reports:view (they show money). A
 * custom report and a report job are heavy operations (their own rate limit).
 */
export function reportsRoutes(r: Routes, { reports }: { reports: ReportsService }) {
  r.raw(
    'get',
    '/reports/consumption',
    { permission, heavy: true, query: consumptionQuery },
    async ({ ctx, query: { format, ...params }, req }, res) =>
      replyOrQueued(
        req,
        res,
        format,
        await reports.runOrQueue(ctx, { report: 'consumption', params }),
      ),
  );
  r.raw(
    'get',
    '/reports/waste',
    { permission, heavy: true, query: wasteQuery },
    async ({ ctx, query: { format, ...params }, req }, res) =>
      replyOrQueued(req, res, format, await reports.runOrQueue(ctx, { report: 'waste', params })),
  );
  r.raw(
    'get',
    '/reports/vendor-performance',
    { permission, heavy: true, query: vendorQuery },
    async ({ ctx, query: { format, ...params }, req }, res) =>
      replyOrQueued(
        req,
        res,
        format,
        await reports.runOrQueue(ctx, { report: 'vendor-performance', params }),
      ),
  );
  r.raw(
    'get',
    '/reports/valuation',
    { permission, heavy: true, query: valuationQuery },
    async ({ ctx, query: { format, ...params }, req }, res) =>
      reply(req, res, format, await reports.run(ctx, { report: 'valuation', params })),
  );

  r.store('get', '/reports/custom/schema', { permission }, () => reports.customSchema());
  r.raw(
    'post',
    '/reports/custom',
    { permission, heavy: true, body: customReportBody },
    async ({ ctx, body, req }, res) => {
      const { format, ...params } = body;
      reply(req, res, format, await reports.run(ctx, { report: 'custom', params }));
    },
  );

  r.store('get', '/reports/saved', { permission }, ({ ctx }) => reports.saved.list(ctx));
  r.store(
    'post',
    '/reports/saved',
    { permission, body: savedReportBody, status: 201 },
    ({ ctx, body }) => reports.saved.create(ctx, body),
  );
  r.store(
    'delete',
    '/reports/saved/:id',
    { permission, params: idParams, status: 204 },
    ({ ctx, params }) => reports.saved.remove(ctx, params.id),
  );
  r.raw(
    'get',
    '/reports/saved/:id/run',
    { permission, heavy: true, params: idParams, query: formatQuery },
    async ({ ctx, params, query, req }, res) => {
      const request = await reports.saved.request(ctx, params.id);
      if (request.report === 'valuation' || request.report === 'custom')
        return reply(req, res, query.format, await reports.run(ctx, request));
      replyOrQueued(req, res, query.format, await reports.runOrQueue(ctx, request));
    },
  );

  r.store(
    'post',
    '/reports/jobs',
    { permission, heavy: true, body: jobBody, status: 202 },
    ({ ctx, body }) => reports.startJob(ctx, body.report, body.params ?? {}),
  );
  r.raw(
    'get',
    '/reports/jobs/:jobId/download',
    { permission, heavy: true, params: jobParams, query: formatQuery },
    async ({ ctx, params, query, req }, res) => {
      reply(req, res, query.format, await reports.jobResult(ctx, params.jobId));
    },
  );
}
