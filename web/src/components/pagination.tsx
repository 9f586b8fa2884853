import type { Pagination as PageInfo } from '@/lib/api/types';
import { formatCount, formatNumber } from '@/lib/format';
import { Button } from './button';

interface PaginationProps {
  /** Names the navigation landmark, e.g. "Product pages". */
  label: string;
  pagination: PageInfo;
  onPage: (page: number) => void;
}

export function Pagination({ label, pagination, onPage }: PaginationProps) {
  const { page, totalPages, total, hasNext, hasPrev, totalCapped } = pagination;
  if (total === 0) return null;
  // A capped total (a product list counts at most 1,000 matches) is a floor: "1,000+".
  const count = totalCapped ? `${formatNumber(total)}+ results` : formatCount(total, 'result');
  const pages = `${formatNumber(totalPages)}${totalCapped ? '+' : ''}`;
  if (totalPages <= 1) return <p className="pager pager__info">{count}</p>;
  return (
    <nav className="pager" aria-label={label}>
      <Button variant="secondary" disabled={!hasPrev} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">←</span> Previous page
      </Button>
      <span className="pager__info">
        Page {formatNumber(page)} of {pages} · {count}
      </span>
      <Button variant="secondary" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        Next page <span aria-hidden="true">→</span>
      </Button>
    </nav>
  );
}

/** What `ShowMore` reads of an infinite query (TanStack Query's result has it all). */
interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Show more" under a list read a cursor page at a time; nothing once the last page is in. */
export function ShowMore({ query }: { query: MorePages }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="form__actions">
      <Button
        variant="secondary"
        onClick={() => void query.fetchNextPage()}
        busy={query.isFetchingNextPage}
        busyLabel="Loading…"
      >
        Show more
      </Button>
    </div>
  );
}
