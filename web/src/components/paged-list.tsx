import type { ReactNode } from 'react';
import type { Pagination as PageInfo } from '@/lib/api/types';
import { Pagination } from './pagination';
import { QueryState, type QueryLike } from './query-state';

interface PagedListProps<I> {
  query: QueryLike<{ items: I[]; pagination: PageInfo }>;
  /** Said while the first page is on its way: "Loading transfers…". */
  loading: string;
  /** Said instead of the table when the page holds nothing: "No transfers yet.". */
  empty: string;
  /** Names the pages' navigation landmark: "Transfer pages". */
  pagesLabel: string;
  onPage: (page: number) => void;
  /** The table of the page's items. */
  children: (items: I[]) => ReactNode;
}

/** A list page's body: its query's states, the table of one page, and the pages under it. */
export function PagedList<I>({
  query,
  loading,
  empty,
  pagesLabel,
  onPage,
  children,
}: PagedListProps<I>) {
  return (
    <QueryState query={query} loading={loading} empty={<p className="muted">{empty}</p>}>
      {(data) => (
        <>
          {children(data.items)}
          <Pagination label={pagesLabel} pagination={data.pagination} onPage={onPage} />
        </>
      )}
    </QueryState>
  );
}
