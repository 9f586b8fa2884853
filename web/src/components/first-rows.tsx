import { useState } from 'react';
import { formatNumber } from '@/lib/format';

const FIRST_ROWS = 25;

/** The first rows of a long report, until the reader asks for all of them. */
export function useFirstRows<T>(rows: T[]) {
  const [all, setAll] = useState(false);
  const hidden = all ? 0 : Math.max(0, rows.length - FIRST_ROWS);
  return { shown: hidden ? rows.slice(0, FIRST_ROWS) : rows, hidden, showAll: () => setAll(true) };
}

export function ShowAllRows({
  hidden,
  total,
  onClick,
}: {
  hidden: number;
  total: number;
  onClick: () => void;
}) {
  if (!hidden) return null;
  return (
    <p>
      <button type="button" className="btn btn--ghost" onClick={onClick}>
        Show all {formatNumber(total)} rows
      </button>{' '}
      <span className="muted small">({formatNumber(hidden)} more)</span>
    </p>
  );
}
