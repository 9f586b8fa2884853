import { z } from 'zod';
import type { Routes } from '../../../http/route';
import type { CountSessions } from './count-sessions.service';
import * as s from './count-sessions.schemas';

const REVIEW_MONEY = ['lines.*.unitCost', 'lines.*.value', 'totals.value'];

/**
 * Count sessions under /api/v1/stores/:storeId. Anyone who changes stock may count a line
 * (inventory:write); starting, posting and cancelling a count change many products' stock at
 * once, which is a manager's (inventory:bulk_update, as a stock import is), and so is the review
 * (the differences and their value).
 */
export function countSessionRoutes(r: Routes, { countSessions }: { countSessions: CountSessions }) {
  const manage = { permission: 'inventory:bulk_update', params: s.sessionParams } as const;

  r.page(
    '/count-sessions',
    { permission: 'inventory:read', query: s.listQuery },
    ({ ctx, query }) => countSessions.list(ctx, query),
  );
  r.store('get', '/count-sessions/aisles', { permission: 'inventory:read' }, ({ ctx }) =>
    countSessions.aisles(ctx),
  );
  r.store(
    'post',
    '/count-sessions',
    { permission: 'inventory:bulk_update', body: s.startBody, idempotent: 201 },
    ({ ctx, body }) => countSessions.start(ctx, body),
  );
  r.store(
    'get',
    '/count-sessions/:id',
    { permission: 'inventory:read', params: s.sessionParams },
    ({ ctx, params }) => countSessions.get(ctx, params.id),
  );
  r.store(
    'get',
    '/count-sessions/:id/review',
    { ...manage, money: REVIEW_MONEY },
    ({ ctx, params }) => countSessions.review(ctx, params.id),
  );
  r.store(
    'post',
    '/count-sessions/:id/counts',
    { permission: 'inventory:write', params: s.sessionParams, body: s.recordBody },
    ({ ctx, params, body }) => countSessions.record(ctx, params.id, body),
  );
  r.store(
    'post',
    '/count-sessions/:id/post',
    { ...manage, body: z.object({}), idempotent: 200, money: REVIEW_MONEY },
    ({ ctx, params }) => countSessions.post(ctx, params.id),
  );
  r.store(
    'post',
    '/count-sessions/:id/cancel',
    { ...manage, body: z.object({}) },
    ({ ctx, params }) => countSessions.cancel(ctx, params.id),
  );
  r.raw(
    'get',
    '/count-sessions/:id/sheet',
    { permission: 'inventory:read', params: s.sessionParams, query: s.sheetQuery, heavy: 'slots' },
    async ({ ctx, params, query }, res) => {
      const sheet = await countSessions.sheet(ctx, params.id, query.format);
      res.setHeader('Content-Disposition', `attachment; filename="${sheet.filename}"`);
      res.setHeader('Content-Type', sheet.contentType);
      res.setHeader('Content-Length', String(sheet.body.length));
      res.end(sheet.body);
    },
  );
}
