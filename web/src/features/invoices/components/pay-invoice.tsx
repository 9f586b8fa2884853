import { useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { ErrorBanner } from '@/components/messages';
import { toApiError, type ApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { useSetInvoiceStatus } from '../api/set-invoice-status';
import type { InvoiceDetail } from '../api/types';

const REASON_WORDS: Record<string, string> = {
  unreconciled: 'not reconciled',
  total_mismatch: 'it did not add up',
};

/**
 * Mark as paid (or unpaid). The server decides whether paying needs a confirmation (not
 * reconciled; lines not adding up): its 409 opens a dialog that says why, in its words, and
 * "Pay anyway" sends the confirmation, which is kept with who gave it and when.
 */
export function PayInvoice({ storeId, invoice }: { storeId: string; invoice: InvoiceDetail }) {
  const status = useSetInvoiceStatus(storeId, invoice.id);
  const [asked, setAsked] = useState<ApiError>();
  const paid = invoice.status === 'paid';

  function pay(confirm?: { unreconciled?: boolean; totalMismatch?: boolean }) {
    status.mutate(
      { status: 'paid', ...(confirm ? { confirm } : {}) },
      {
        onSuccess: () => setAsked(undefined),
        onError: (error) => {
          const e = toApiError(error);
          if (e.code === 'CONFIRMATION_REQUIRED') {
            setAsked(e);
            status.reset();
          }
        },
      },
    );
  }

  const confirmation = invoice.paymentConfirmation;
  return (
    <>
      <Button
        variant="secondary"
        busy={status.isPending && !asked}
        onClick={() => (paid ? status.mutate({ status: 'pending' }) : pay())}
      >
        {paid ? 'Mark as unpaid' : 'Mark as paid'}
      </Button>
      {status.isError && !asked && <ErrorBanner>{toApiError(status.error).message}</ErrorBanner>}
      {paid && confirmation && (
        <p className="muted small">
          Paid though {confirmation.reasons.map((r) => REASON_WORDS[r] ?? r).join(' and ')}:
          confirmed by {confirmation.confirmedBy?.name ?? 'a former member'}{' '}
          {formatDateTime(confirmation.confirmedAt)}.
        </p>
      )}
      <Dialog
        open={Boolean(asked)}
        onClose={() => setAsked(undefined)}
        title="Pay this invoice anyway?"
        description="Paying it needs your confirmation:"
      >
        <ErrorBanner>{status.isError ? toApiError(status.error).message : undefined}</ErrorBanner>
        <ul className="bullet-list" aria-label="What needs confirming">
          {Object.entries(asked?.fieldErrors ?? {}).map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
        <div className="form__actions">
          <Button variant="ghost" onClick={() => setAsked(undefined)}>
            Cancel
          </Button>
          <Button
            variant="primary"
            busy={status.isPending}
            busyLabel="Paying…"
            onClick={() =>
              pay({
                ...('confirm.unreconciled' in (asked?.fieldErrors ?? {})
                  ? { unreconciled: true }
                  : {}),
                ...('confirm.totalMismatch' in (asked?.fieldErrors ?? {})
                  ? { totalMismatch: true }
                  : {}),
              })
            }
          >
            Pay anyway
          </Button>
        </div>
      </Dialog>
    </>
  );
}
