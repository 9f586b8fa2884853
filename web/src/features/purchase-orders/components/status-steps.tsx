import { formatDateTime } from '@/lib/format';
import { ORDER_STEPS, STATUS_LABELS, type PurchaseOrder } from '../api/types';

const STAMP = {
  pending: 'orderedAt',
  processing: 'processingAt',
  shipped: 'shippedAt',
  completed: 'completedAt',
} as const;

/** Where the order is on its way: done steps with their time, the current one, the rest. */
export function StatusSteps({ order }: { order: PurchaseOrder }) {
  const reached = ORDER_STEPS.indexOf(order.status);
  return (
    <ol className="steps" aria-label="Order progress">
      {ORDER_STEPS.map((step, i) => {
        const at = order[STAMP[step as keyof typeof STAMP]];
        const current = step === order.status;
        // A cancelled order shows how far it got: the steps that have a time.
        const done = order.status === 'cancelled' ? Boolean(at) : i <= reached;
        return (
          <li
            key={step}
            className={
              current ? 'steps__step is-current' : done ? 'steps__step is-done' : 'steps__step'
            }
            aria-current={current ? 'step' : undefined}
          >
            <span className="steps__label">
              {STATUS_LABELS[step]}
              <span className="visually-hidden">{done ? ' (done)' : ' (not yet)'}</span>
            </span>
            <span className="steps__time">{done && at ? formatDateTime(at) : ''}</span>
          </li>
        );
      })}
      {order.status === 'cancelled' && (
        <li className="steps__step is-current is-cancelled" aria-current="step">
          <span className="steps__label">Cancelled</span>
          <span className="steps__time">{formatDateTime(order.cancelledAt)}</span>
        </li>
      )}
    </ol>
  );
}
