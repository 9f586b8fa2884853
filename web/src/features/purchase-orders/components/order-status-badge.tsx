import { STATUS_LABELS, type OrderStatus } from '../api/types';

const TONE: Record<OrderStatus, string> = {
  pending: 'badge',
  processing: 'badge badge--info',
  shipped: 'badge badge--info',
  completed: 'badge badge--success',
  cancelled: 'badge badge--danger',
};

/** The status in words (colour only repeats it). */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={TONE[status]}>{STATUS_LABELS[status]}</span>;
}
