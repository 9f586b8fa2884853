import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount } from '@/lib/format';
import type { InvoiceLine, ThreeWay } from '../api/types';
import { matchedUnits } from './review-choices';

interface ReconcileDialogProps {
  open: boolean;
  /** The lines with their three-way match as the choices make them (the preview's). */
  lines: Array<{ line: InvoiceLine; threeWay: ThreeWay }>;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}

const nameOf = (l: InvoiceLine) => l.match.product?.name ?? l.description ?? 'line';

/**
 * Says exactly what will happen before it does: what is matched to goods already received
 * (no stock moves), what is received into stock now, what is skipped. Done once.
 */
export function ReconcileDialog({
  open,
  lines,
  busy,
  error,
  onClose,
  onConfirm,
}: ReconcileDialogProps) {
  const receiving = lines.filter((l) => l.threeWay.receiveNow > 0);
  const matching = lines.filter((l) => matchedUnits(l.threeWay) > 0);
  const skipped = lines.filter((l) => l.threeWay.action === 'skip' || !l.line.match.productId);
  const units = receiving.reduce((n, l) => n + l.threeWay.receiveNow, 0);
  const matchedTotal = matching.reduce((n, l) => n + matchedUnits(l.threeWay), 0);
  const parts = [
    units
      ? `${formatCount(units, 'unit')} of ${formatCount(receiving.length, 'product')} will be received into stock`
      : 'Nothing will be received into stock',
    matchedTotal > 0 &&
      `${formatCount(matchedTotal, 'unit')} are matched to goods already received (no stock moves)`,
    skipped.length > 0 && `${formatCount(skipped.length, 'line')} skipped`,
  ].filter(Boolean);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Reconcile this invoice?"
      description={`${parts.join('; ')}. This is done once and cannot be undone.`}
    >
      <ErrorBanner>{error ? toApiError(error).message : undefined}</ErrorBanner>
      {matching.length > 0 && (
        <ul className="plain-list" aria-label="Matched to goods already received">
          {matching.map(({ line, threeWay }) => (
            <li key={line.lineId}>
              {matchedUnits(threeWay)} × {nameOf(line)}: already received
              {threeWay.ordered ? ` on ${threeWay.ordered.orderNumber}` : ''}
            </li>
          ))}
        </ul>
      )}
      {receiving.length > 0 && (
        <ul className="plain-list" aria-label="What will be received">
          {receiving.map(({ line, threeWay }) => (
            <li key={line.lineId}>
              {threeWay.receiveNow} × {nameOf(line)}
              {threeWay.receiveOrder ? ` against ${threeWay.receiveOrder.orderNumber}` : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant="primary"
          busy={busy}
          busyLabel="Reconciling…"
          onClick={onConfirm}
          autoFocus
        >
          {units ? 'Receive and reconcile' : 'Match and reconcile'}
        </Button>
      </div>
    </Dialog>
  );
}
