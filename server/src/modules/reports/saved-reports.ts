import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import { buildQuery } from './custom/build-query';
import type { ReportName } from './report-tables';
import { parseRequest, type ReportRequest } from './run-report';
import * as repo from './saved-reports.repo';

const toSaved = (r: repo.SavedReportRow) => ({
  id: r.id,
  name: r.name,
  report: r.report as ReportName,
  params: r.params as Record<string, unknown>,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

/** A custom report's names checked against the whitelist as its run would, `params.` first. */
function assertRuns(storeId: string, request: ReportRequest) {
  if (request.report !== 'custom') return;
  try {
    buildQuery(storeId, request.params);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const details = (err.details ?? []) as { field: string; message: string; code: string }[];
    throw new ValidationError(details.map((d) => ({ ...d, field: `params.${d.field}` })));
  }
}

/**
 * Reports saved under a name (any report with its parameters; a custom report's request) and
 * run again: checked as their routes check them when saved, and again when run (a saved
 * custom report whose names the whitelist no longer has is a 400, never a 500).
 */
export function createSavedReports({ pool }: { pool: Pool }) {
  async function find(ctx: StoreContext, id: string) {
    const row = await repo.find(pool, ctx.storeId, id);
    if (!row) throw new NotFoundError('Saved report');
    return row;
  }
  return {
    list: async (ctx: StoreContext) => (await repo.list(pool, ctx.storeId)).map(toSaved),

    async create(ctx: StoreContext, body: { name: string; report: ReportName; params?: unknown }) {
      const request = parseRequest(body.report, body.params ?? {});
      assertRuns(ctx.storeId, request);
      const row = await repo.insert(pool, ctx.storeId, {
        name: body.name,
        report: body.report,
        // The parsed params, defaults filled in: what runs is what was saved.
        params: request.params,
        userId: ctx.userId,
      });
      return toSaved(row);
    },

    /** The saved report's request, to be run as its route runs it. */
    async request(ctx: StoreContext, id: string): Promise<ReportRequest> {
      const row = await find(ctx, id);
      return parseRequest(row.report as ReportName, row.params);
    },

    async remove(ctx: StoreContext, id: string): Promise<void> {
      if (!(await repo.remove(pool, ctx.storeId, id))) throw new NotFoundError('Saved report');
    },
  };
}

export type SavedReports = ReturnType<typeof createSavedReports>;
