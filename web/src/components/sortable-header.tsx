import type { ReactNode } from 'react';

export type SortOrder = 'asc' | 'desc';

interface SortableHeaderProps {
  field: string;
  sort: string;
  order: SortOrder;
  onSort: (field: string, order: SortOrder) => void;
  children: ReactNode;
  className?: string;
}

/** A column header that sorts by its field; a second click reverses the order. */
export function SortableHeader({
  field,
  sort,
  order,
  onSort,
  children,
  className,
}: SortableHeaderProps) {
  const active = sort === field;
  const next: SortOrder = active && order === 'asc' ? 'desc' : 'asc';
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(field, next)}>
        {children}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="visually-hidden">
          , sort {next === 'asc' ? 'ascending' : 'descending'}
        </span>
      </button>
    </th>
  );
}
