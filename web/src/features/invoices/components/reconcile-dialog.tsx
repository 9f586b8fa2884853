import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount } from '@/lib/format';
import type { InvoiceLine } from '../api/types';

interface ReconcileDialogProps {
  open: boolean;
  lines: InvoiceLine[];
  skipped: Set<string>;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}

/** Says exactly what will be received before it is: reconciling happens once and cannot be undone. */
export function ReconcileDialog({
  open,
  lines,
  skipped,
  busy,
  error,
  onClose,
  onConfirm,
}: ReconcileDialogProps) {
  const received = lines.filter((l) => l.match.product && !skipped.has(l.lineId));
  const units = received.reduce((n, l) => n + l.quantity, 0);
  const skippedCount = lines.length - received.length;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Reconcile this invoice?"
      description={`${formatCount(units, 'unit')} of ${formatCount(received.length, 'product')} will be received into stock${skippedCount ? `; ${formatCount(skippedCount, 'line')} skipped` : ''}. This is done once and cannot be undone.`}
    >
      <ErrorBanner>{error ? toApiError(error).message : undefined}</ErrorBanner>
      <ul className="plain-list" aria-label="What will be received">
        {received.map((l) => (
          <li key={l.lineId}>
            {l.quantity} × {l.match.product!.name}
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" busy={busy} busyLabel="Receiving…" onClick={onConfirm} autoFocus>
          Receive and reconcile
        </Button>
      </div>
    </Dialog>
  );
}
