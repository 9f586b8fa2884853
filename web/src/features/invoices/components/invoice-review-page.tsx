import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount, formatDate, formatDateTime } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useMoney, useStoreAccess } from '@/lib/store-access';
import { useInvoice } from '../api/get-invoice';
import { useReconcileInvoice } from '../api/reconcile-invoice';
import { useSetInvoiceStatus } from '../api/set-invoice-status';
import { useUpdateInvoiceLine } from '../api/update-invoice-line';
import { invoiceLabel } from '../api/types';
import { InvoiceLineRow } from './invoice-line-row';
import { InvoiceStatusBadge } from './invoice-status';
import { ReconcileDialog } from './reconcile-dialog';

/** The matching review: each line's match and conflicts, the choices, then reconcile once. */
export function InvoiceReviewPage() {
  const { storeId } = useStoreAccess();
  const { invoiceId = '' } = useParams();
  const money = useMoney();
  const invoice = useInvoice(storeId, invoiceId);
  const updateLine = useUpdateInvoiceLine(storeId, invoiceId);
  const reconcile = useReconcileInvoice(storeId, invoiceId);
  const status = useSetInvoiceStatus(storeId, invoiceId);
  const idempotency = useIdempotencyKey();
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);

  if (invoice.isPending) return <Loading label="Loading the invoice…" />;
  if (invoice.isError) return <ErrorBanner>{toApiError(invoice.error).message}</ErrorBanner>;
  const inv = invoice.data;
  const lines = inv.matchingResults.lines;
  const locked = Boolean(inv.reconciledAt);
  const undecided = lines.filter((l) => !l.match.productId && !skipped.has(l.lineId));

  function skip(lineId: string, on: boolean) {
    setSkipped((prev) => {
      const next = new Set(prev);
      if (on) next.add(lineId);
      else next.delete(lineId);
      return next;
    });
  }

  function runReconcile() {
    const input = {
      lines: lines.map((l) => ({
        lineId: l.lineId,
        productId: skipped.has(l.lineId) ? null : l.match.productId,
      })),
    };
    reconcile.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: () => setConfirming(false),
        onSettled: (_r, error) => idempotency.settle(error),
      },
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={invoiceLabel(inv)}
        subtitle={`${inv.supplier?.name ?? inv.supplierName ?? 'Supplier not known'} · dated ${formatDate(inv.invoiceDate)} · due ${formatDate(inv.dueDate)}`}
        actions={
          <Link to={`/stores/${storeId}/invoices`} className="btn btn--ghost">
            All invoices
          </Link>
        }
      />
      <Card
        title="Summary"
        actions={
          <Button
            variant="secondary"
            busy={status.isPending}
            onClick={() => status.mutate(inv.status === 'paid' ? 'pending' : 'paid')}
          >
            {inv.status === 'paid' ? 'Mark as unpaid' : 'Mark as paid'}
          </Button>
        }
      >
        <p>
          <InvoiceStatusBadge status={inv.status} /> Total{' '}
          <span className="strong">{money(inv.total)}</span>
          {inv.tax !== null && <> (tax {money(inv.tax)})</>} · {formatCount(inv.lineCount, 'line')}{' '}
          · {formatCount(inv.matchingResults.matched, 'line')} matched,{' '}
          {formatCount(inv.matchingResults.conflicts, 'line')} with conflicts
          {inv.purchaseOrder && <> · against order {inv.purchaseOrder.orderNumber}</>}
        </p>
        {status.isError && <ErrorBanner>{toApiError(status.error).message}</ErrorBanner>}
        {inv.warnings.length > 0 && (
          <ul className="error-list" aria-label="What reading the file noticed">
            {inv.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {locked && (
          <StatusMessage>
            Reconciled {formatDateTime(inv.reconciledAt)}
            {inv.reconciledBy && ` by ${inv.reconciledBy.name}`}: its stock has been received.
          </StatusMessage>
        )}
      </Card>
      <Card title="Lines">
        {updateLine.isError && <ErrorBanner>{toApiError(updateLine.error).message}</ErrorBanner>}
        <div className="table-wrap">
          <table className="table" aria-label="Invoice lines">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Unit cost
                </th>
                <th scope="col">Match</th>
                <th scope="col">Choices</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <InvoiceLineRow
                  key={line.lineId}
                  storeId={storeId}
                  line={line}
                  skipped={skipped.has(line.lineId)}
                  locked={locked}
                  busy={updateLine.isPending}
                  onSkip={(on) => skip(line.lineId, on)}
                  onChoose={(productId, method = 'manual') => {
                    skip(line.lineId, false);
                    updateLine.mutate({ lineId: line.lineId, productId, method });
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
        {!locked && (
          <div className="form__actions">
            {undecided.length > 0 && (
              <p className="muted" id="reconcile-hint">
                {formatCount(undecided.length, 'line')} still to decide: choose a product or skip.
              </p>
            )}
            <Button
              variant="primary"
              disabled={undecided.length > 0}
              aria-describedby={undecided.length ? 'reconcile-hint' : undefined}
              onClick={() => setConfirming(true)}
            >
              Reconcile
            </Button>
          </div>
        )}
      </Card>
      <ReconcileDialog
        open={confirming}
        lines={lines}
        skipped={skipped}
        busy={reconcile.isPending}
        error={reconcile.error}
        onClose={() => {
          reconcile.reset();
          setConfirming(false);
        }}
        onConfirm={runReconcile}
      />
    </div>
  );
}
