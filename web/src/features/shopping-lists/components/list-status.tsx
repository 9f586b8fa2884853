import type { Priority, ShoppingListSummary } from '../api/types';

const PRIORITY: Record<Priority, { label: string; className: string }> = {
  urgent: { label: 'Urgent', className: 'badge badge--danger' },
  high: { label: 'High', className: 'badge badge--warning' },
  medium: { label: 'Medium', className: 'badge' },
  low: { label: 'Low', className: 'badge' },
};

/** The priority in words; the colour only repeats it. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const p = PRIORITY[priority];
  return <span className={p.className}>{p.label}</span>;
}

const STATUS: Record<ShoppingListSummary['status'], string> = {
  draft: 'Draft',
  ordered: 'Ordered',
  archived: 'Archived',
};

export function ListStatus({ status }: { status: ShoppingListSummary['status'] }) {
  return (
    <span className={status === 'draft' ? 'status-badge status-badge--new' : 'status-badge'}>
      {STATUS[status]}
    </span>
  );
}
