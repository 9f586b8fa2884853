import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount, formatDate, formatDateTime } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useMoney, useStoreAccess } from '@/lib/store-access';
import { useInvoice } from '../api/get-invoice';
import { InvoiceDetails } from './invoice-details';
import { OriginalFileButton } from './original-file-button';
import { usePreviewReconcile } from '../api/preview-reconcile';
import { useReconcileInvoice } from '../api/reconcile-invoice';
import { useUpdateInvoiceLine } from '../api/update-invoice-line';
import { invoiceLabel } from '../api/types';
import { InvoiceLineCard } from './invoice-line-card';
import { InvoiceOrderChooser } from './invoice-order-chooser';
import { InvoiceStatusBadge } from './invoice-status';
import { PayInvoice } from './pay-invoice';
import { ReconcileDialog } from './reconcile-dialog';
import { SupplierNotice } from './supplier-notice';
import { TotalsProblem } from './totals-problem';
import { decisionsOf, problemsByLine, unmatched, type Choices } from './review-choices';

/**
 * The review: each line matched three ways (ordered, received, invoiced) with its variances,
 * the choices ("already received" by default when receipts cover it, "receive now", "skip"),
 * the order when more than one could be meant, and "accept new cost". Every change asks the
 * server what reconciling would do (a preview), so the screen shows its answer, not a guess.
 */
export function InvoiceReviewPage() {
  const { storeId } = useStoreAccess();
  const { invoiceId = '' } = useParams();
  const money = useMoney();
  const invoice = useInvoice(storeId, invoiceId);
  const updateLine = useUpdateInvoiceLine(storeId, invoiceId);
  const reconcile = useReconcileInvoice(storeId, invoiceId);
  const idempotency = useIdempotencyKey();
  const [choices, setChoices] = useState<Choices>({});
  const [invoiceOrder, setInvoiceOrder] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const inv = invoice.data;
  const locked = Boolean(inv?.reconciledAt);
  const input = useMemo(
    () => ({
      ...decisionsOf(inv?.matchingResults.lines ?? [], choices),
      ...(invoiceOrder ? { purchaseOrderId: invoiceOrder } : {}),
    }),
    [inv, choices, invoiceOrder],
  );
  const preview = usePreviewReconcile(storeId, invoiceId, input, Boolean(inv) && !locked);

  if (invoice.isPending) return <Loading label="Loading the invoice…" />;
  if (invoice.isError || !inv)
    return <ErrorBanner>{toApiError(invoice.error).message}</ErrorBanner>;
  const lines = inv.matchingResults.lines;
  const planned = new Map(
    (locked ? lines : (preview.data?.matchingResults.lines ?? lines)).map((l) => [
      l.lineId,
      l.threeWay,
    ]),
  );
  const problems = problemsByLine(lines, locked ? [] : (preview.data?.problems ?? []), planned);
  const undecided = lines.filter((l) => unmatched(l, choices[l.lineId]) || problems.has(l.lineId));
  // Only the preview of the choices on screen counts (not the previous one kept while it loads).
  const ready =
    !locked && undecided.length === 0 && preview.data?.ready === true && !preview.isPlaceholderData;
  const withVariances = lines.filter((l) => planned.get(l.lineId)!.variances.length).length;

  function runReconcile() {
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
        subtitle={`${inv.supplier?.name ?? 'Supplier not set'} · dated ${formatDate(inv.invoiceDate)} · due ${formatDate(inv.dueDate)}`}
        actions={
          <>
            <OriginalFileButton storeId={storeId} invoice={inv} />
            <Link to={`/stores/${storeId}/invoices`} className="btn btn--ghost">
              All invoices
            </Link>
          </>
        }
      />
      <Card title="Summary" actions={<PayInvoice storeId={storeId} invoice={inv} />}>
        <p>
          <InvoiceStatusBadge status={inv.status} /> Total{' '}
          <span className="strong">{money(inv.total)}</span>
          {inv.tax !== null && <> (tax {money(inv.tax)})</>} · {formatCount(inv.lineCount, 'line')}{' '}
          · {formatCount(inv.matchingResults.matched, 'line')} matched,{' '}
          {formatCount(withVariances, 'line')} with variances
          {inv.purchaseOrder && <> · against order {inv.purchaseOrder.orderNumber}</>}
        </p>
        <InvoiceDetails storeId={storeId} invoice={inv} />
        {!inv.totals.addsUp && <TotalsProblem totals={inv.totals} />}
        {inv.warnings.length > 0 && (
          <ul className="error-list" aria-label="What reading the file noticed">
            {inv.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {inv.supplierWarning && !locked && <SupplierNotice storeId={storeId} invoice={inv} />}
        {locked && (
          <StatusMessage>
            Reconciled {formatDateTime(inv.reconciledAt)}
            {inv.reconciledBy && ` by ${inv.reconciledBy.name}`}
            {inv.settles.orders.length > 0 &&
              `: settles ${inv.settles.orders.map((o) => o.orderNumber).join(', ')} (${formatCount(inv.settles.receipts.length, 'delivery', 'deliveries')})`}
            .
          </StatusMessage>
        )}
      </Card>
      <Card title="Lines">
        {updateLine.isError && <ErrorBanner>{toApiError(updateLine.error).message}</ErrorBanner>}
        {preview.isError && <ErrorBanner>{toApiError(preview.error).message}</ErrorBanner>}
        {!locked && (
          <InvoiceOrderChooser
            threeWays={lines.map((l) => planned.get(l.lineId)!)}
            value={invoiceOrder}
            disabled={updateLine.isPending}
            onChange={setInvoiceOrder}
          />
        )}
        <ol className="invoice-lines" aria-label="Invoice lines">
          {lines.map((line) => (
            <InvoiceLineCard
              key={line.lineId}
              storeId={storeId}
              line={line}
              mismatch={inv.totals.lineMismatches.find((m) => m.lineId === line.lineId)}
              threeWay={planned.get(line.lineId)!}
              choice={choices[line.lineId] ?? {}}
              invoiceOrder={invoiceOrder}
              problems={problems.get(line.lineId) ?? []}
              locked={locked}
              busy={updateLine.isPending}
              onChoice={(choice) => setChoices((prev) => ({ ...prev, [line.lineId]: choice }))}
              onChoose={(productId, method = 'manual') => {
                // A new product: its choices start again from the server's defaults.
                setChoices(({ [line.lineId]: _old, ...rest }) => rest);
                updateLine.mutate({ lineId: line.lineId, productId, method });
              }}
            />
          ))}
        </ol>
        {!locked && (
          <div className="form__actions">
            {undecided.length > 0 && (
              <p className="muted" id="reconcile-hint">
                {formatCount(undecided.length, 'line')} still to decide: see what each asks.
              </p>
            )}
            <Button
              variant="primary"
              disabled={!ready}
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
        lines={lines.map((line) => ({ line, threeWay: planned.get(line.lineId)! }))}
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
