import { formatNumber } from '@/lib/format';
import type { Prediction } from '../api/types';

/** A reorder is due once stock is at or below the reorder point and something should be ordered. */
export function reorderDue(prediction: Prediction): number | undefined {
  const { reorder } = prediction;
  if (!reorder || reorder.suggestedQuantity <= 0) return undefined;
  return prediction.currentStock <= reorder.reorderPoint
    ? Math.ceil(reorder.suggestedQuantity)
    : undefined;
}

/** "9 days" and, when due, "Reorder 48"; "—" for a product whose prediction was never computed. */
export function DaysLeft({ prediction }: { prediction: Prediction | undefined }) {
  if (!prediction) return <span className="muted">—</span>;
  const due = reorderDue(prediction);
  const days = prediction.daysLeft === null ? null : Math.max(0, Math.round(prediction.daysLeft));
  return (
    <span className="days-left">
      {days === null ? (
        <span className="muted" title="Nothing sold in the last 30 days">
          No sales
        </span>
      ) : (
        `${formatNumber(days)} ${days === 1 ? 'day' : 'days'}`
      )}
      {due !== undefined && (
        <span className="badge badge--warning">Reorder {formatNumber(due)}</span>
      )}
    </span>
  );
}
