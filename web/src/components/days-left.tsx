import type { Prediction } from '@/hooks/use-predictions';
import { formatDate, formatNumber } from '@/lib/format';

/**
 * A reorder is due when the stock and what is on order are at or below the product's own
 * reorder point: the server says how many (`reorder.suggestedQuantity`).
 */
export function reorderDue(prediction: Prediction): number | undefined {
  const quantity = prediction.reorder?.suggestedQuantity ?? 0;
  return quantity > 0 ? Math.ceil(quantity) : undefined;
}

/**
 * "9 days" and, when due, "Reorder 48"; what is on order and an expiry that cuts the days short
 * are said; "—" for a product whose prediction was never computed.
 */
export function DaysLeft({ prediction }: { prediction: Prediction | undefined }) {
  if (!prediction) return <span className="muted">—</span>;
  const due = reorderDue(prediction);
  const days = prediction.daysLeft === null ? null : Math.max(0, Math.round(prediction.daysLeft));
  // The stock on hand's expiry is said when it ends the days or leaves stock unsold.
  const expiry =
    (prediction.daysLeftLimitedBy === 'expiry' && prediction.expiringStock === 'on_hand') ||
    prediction.onHandExpiresUnsold;
  const overdue = prediction.onOrder.notCounted
    .filter((l) => l.why === 'overdue')
    .reduce((n, l) => n + l.quantity, 0);
  return (
    <span className="days-left">
      {days === null ? (
        <span className="muted" title="Nothing sold in the last 30 days">
          No sales
        </span>
      ) : (
        <span>{`${formatNumber(days)} ${days === 1 ? 'day' : 'days'}`}</span>
      )}
      {expiry && <span className="muted small">expires {formatDate(prediction.expiresAt)}</span>}
      {prediction.onOrder.quantity > 0 && (
        <span className="muted small">{formatNumber(prediction.onOrder.quantity)} on order</span>
      )}
      {overdue > 0 && (
        <span className="muted small">{formatNumber(overdue)} long overdue, not counted</span>
      )}
      {due !== undefined && (
        <span className="badge badge--warning">Reorder {formatNumber(due)}</span>
      )}
    </span>
  );
}
