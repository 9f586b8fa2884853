import type { Request } from 'express';

export interface PagePagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
  hasNext: boolean;
  hasPrev: boolean;
  nextCursor?: string | null;
}

/** Keyset pages: no total, so a page costs the same at row 1M as at row 0. */
export interface CursorPagination {
  limit: number;
  hasNext: boolean;
  nextCursor: string | null;
}

export type Pagination = PagePagination | CursorPagination;

function meta(req: Request) {
  return { requestId: req.id, timestamp: new Date().toISOString() };
}

export function ok<T>(req: Request, data: T) {
  return { success: true as const, data, meta: meta(req) };
}

export function okPage<T>(req: Request, data: T[], pagination: Pagination) {
  return { success: true as const, data, pagination, meta: meta(req) };
}

export function pageOf(page: number, limit: number, total: number): PagePagination {
  const totalPages = Math.ceil(total / limit);
  return { page, limit, total, totalPages, hasNext: page < totalPages, hasPrev: page > 1 };
}

export function errorBody(
  req: Request,
  e: { code: string; message: string; statusCode: number; details?: unknown },
) {
  return {
    success: false as const,
    error: {
      code: e.code,
      message: e.message,
      statusCode: e.statusCode,
      ...(e.details === undefined ? {} : { details: e.details }),
      requestId: req.id,
    },
  };
}
