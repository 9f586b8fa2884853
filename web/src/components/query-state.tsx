import type { ReactNode } from 'react';
import { toApiError } from '@/lib/api-error';
import { ErrorBanner, Loading } from './messages';

/** What QueryState reads of a query (TanStack Query's result has it all). */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** Said while the first answer is on its way: "Loading invoices…". */
  loading: string;
  /**
   * Shown instead of the data when it holds nothing (`null`: nothing is shown). Without it the
   * data is always shown.
   */
  empty?: ReactNode;
  /** When the data holds nothing: by default a list without rows (an array, or `items`). */
  isEmpty?: (data: T) => boolean;
  /**
   * Where the error goes instead of a banner in place: a page that cannot show anything
   * without its data says so in its own layout.
   */
  error?: (message: string) => ReactNode;
  children: (data: T) => ReactNode;
}

function noRows(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const items = (data as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

/**
 * A query's four states in one place: loading (a status that is announced), an error (an
 * alert with the API's message), empty (what to say instead) and its data. Data kept while a
 * new answer loads stays on screen, and a failed refresh shows its error above it.
 */
export function QueryState<T>({
  query,
  loading,
  empty,
  isEmpty = noRows,
  error,
  children,
}: QueryStateProps<T>) {
  if (query.isPending) return <Loading label={loading} />;
  const message = query.isError ? toApiError(query.error).message : undefined;
  if (message !== undefined && error) return error(message);
  const { data } = query;
  return (
    <>
      <ErrorBanner>{message}</ErrorBanner>
      {data !== undefined && (empty !== undefined && isEmpty(data) ? empty : children(data))}
    </>
  );
}
