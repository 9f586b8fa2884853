import { encodeCursor } from './cursor';

/** Page mode: `?page=&limit=` with a total. */
export interface PagePagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
  hasNext: boolean;
  hasPrev: boolean;
  nextCursor?: string | null;
  /** `total` stopped counting there (a searched product list counts at most 1,000 matches). */
  totalCapped?: boolean;
}

/** Keyset pages: no total, so a page costs the same at row 1M as at row 0. */
export interface CursorPagination {
  limit: number;
  hasNext: boolean;
  nextCursor: string | null;
}

export type Pagination = PagePagination | CursorPagination;

export function pageOf(page: number, limit: number, total: number): PagePagination {
  const totalPages = Math.ceil(total / limit);
  return { page, limit, total, totalPages, hasNext: page < totalPages, hasPrev: page > 1 };
}

/**
 * One page from a query that fetched `limit + 1` rows: the extra row only says whether
 * there is a next page. With a total (page mode) the usual pagination, without (keyset)
 * `{ limit, hasNext, nextCursor }`.
 */
export function keysetPage<T>(
  rows: T[],
  q: { page: number; limit: number },
  total: number | undefined,
  /** Undefined when this ordering cannot be continued by cursor: then `nextCursor` is null. */
  cursorOf: ((last: T) => unknown[]) | undefined,
): { page: T[]; pagination: Pagination } {
  const hasNext = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    hasNext && last !== undefined && cursorOf ? encodeCursor(cursorOf(last)) : null;
  return {
    page,
    pagination:
      total === undefined
        ? { limit: q.limit, hasNext, nextCursor }
        : { ...pageOf(q.page, q.limit, total), nextCursor },
  };
}
