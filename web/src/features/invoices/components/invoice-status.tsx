import type { InvoiceStatus } from '../api/types';

const LABELS: Record<InvoiceStatus, string> = {
  pending: 'Pending',
  paid: 'Paid',
  overdue: 'Overdue',
};

/** The payment status in words (colour only adds to it). */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const tone =
    status === 'overdue'
      ? 'badge--danger'
      : status === 'paid'
        ? 'badge--success'
        : 'badge--warning';
  return <span className={`badge ${tone}`}>{LABELS[status]}</span>;
}
