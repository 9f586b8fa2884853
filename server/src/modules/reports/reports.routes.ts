import type { Request, Response } from 'express';
import { z } from 'zod';
import { ok } from '../../http/envelope';
import type { Routes } from '../../http/route';
import { uuid } from '../../http/validate';
import { customReportBody } from './custom/custom.schemas';
import { sendCsv } from './csv';
import { REPORTS } from './report-tables';
import type { ReportsService } from './reports.service';
import {
  consumptionQuery,
  formatQuery,
  valuationQuery,
  vendorQuery,
  wasteQuery,
} from './reports.schemas';

type Answer = Awaited<ReturnType<ReportsService['run']>>;

/** JSON in the envelope, or the CSV attachment. */
function reply(req: Request, res: Response, format: 'json' | 'csv', answer: Answer) {
  if (format === 'csv') {
    const { filename, table } = answer.csv();
    return sendCsv(res, filename, table);
  }
  res.json(ok(req, answer.data));
}

const jobBody = z.object({
  report: z.enum(REPORTS, { message: `must be one of ${REPORTS.join(', ')}` }),
  params: z.record(z.string(), z.unknown()).optional(),
});
const jobParams = z.object({ storeId: uuid, jobId: uuid });
const permission = 'reports:view';

/** Routes under /api/v1/stores/:storeId; every one needs reports:view (they show money). */
export function reportsRoutes(r: Routes, { reports }: { reports: ReportsService }) {
  const reportRoute = (
    path: string,
    report: 'consumption' | 'waste' | 'vendor-performance' | 'valuation',
    query: z.ZodType<{ format: 'json' | 'csv' }>,
  ) =>
    r.raw('get', path, { permission, query }, async ({ ctx, query: q, req }, res) => {
      const { format, ...params } = q as { format: 'json' | 'csv' };
      reply(req, res, format, await reports.run(ctx, report, params));
    });
  reportRoute('/reports/consumption', 'consumption', consumptionQuery);
  reportRoute('/reports/waste', 'waste', wasteQuery);
  reportRoute('/reports/vendor-performance', 'vendor-performance', vendorQuery);
  reportRoute('/reports/valuation', 'valuation', valuationQuery);

  r.store('get', '/reports/custom/schema', { permission }, () => reports.customSchema());
  r.raw(
    'post',
    '/reports/custom',
    { permission, body: customReportBody },
    async ({ ctx, body, req }, res) => {
      const { format, ...params } = body;
      reply(req, res, format, await reports.custom(ctx, params));
    },
  );

  r.store('post', '/reports/jobs', { permission, body: jobBody, status: 202 }, ({ ctx, body }) =>
    reports.startJob(ctx, body.report, body.params ?? {}),
  );
  r.raw(
    'get',
    '/reports/jobs/:jobId/download',
    { permission, params: jobParams, query: formatQuery },
    async ({ ctx, params, query, req }, res) => {
      reply(req, res, query.format, await reports.jobResult(ctx, params.jobId));
    },
  );
}
