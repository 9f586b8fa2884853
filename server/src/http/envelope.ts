import type { Request } from 'express';

import type { Pagination } from '../core/paging';

function meta(req: Request) {
  return { requestId: req.id, timestamp: new Date().toISOString() };
}

export function ok<T>(req: Request, data: T) {
  return { success: true as const, data, meta: meta(req) };
}

export function okPage<T>(req: Request, data: T[], pagination: Pagination) {
  return { success: true as const, data, pagination, meta: meta(req) };
}

export function errorBody(
  req: Request,
  e: { code: string; message: string; details?: unknown },
  statusCode: number,
) {
  return {
    success: false as const,
    error: {
      code: e.code,
      message: e.message,
      statusCode,
      ...(e.details === undefined ? {} : { details: e.details }),
      requestId: req.id,
    },
  };
}
