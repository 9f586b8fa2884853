import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ConfirmAction } from '@/components/confirm-action';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import { formatNumber } from '@/lib/format';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useCancelCount } from '../api/close-count';
import { useCountSheet } from '../api/count-sheet';
import { useCountSession } from '../api/get-count-session';
import type { CountSession } from '../api/keys';
import { useRecordCount } from '../api/record-count';
import { CountLineRow } from './count-line-row';
import { CountStatus } from './count-status';

export function CountSessionPage() {
  const { storeId } = useStoreAccess();
  const { sessionId = '' } = useParams();
  const session = useCountSession(storeId, sessionId);
  return (
    <div className="page">
      <QueryState query={session} loading="Loading the count…">
        {(s) => <Counting storeId={storeId} session={s} />}
      </QueryState>
    </div>
  );
}

/**
 * Counting on a phone: scan a barcode (a scanner types it and Enter) or pick a line, enter what
 * is on the shelf, save; the next scan goes back to the barcode field.
 */
function Counting({ storeId, session }: { storeId: string; session: CountSession }) {
  const canManage = useCan('inventory:bulk_update');
  const record = useRecordCount(storeId, session.id);
  const cancel = useCancelCount(storeId, session.id);
  const sheet = useCountSheet(storeId, session.id);
  const [scanError, setScanError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const scanRef = useRef<HTMLInputElement>(null);
  const lineRefs = useRef(new Map<string, HTMLInputElement>());
  const open = session.status === 'open';

  function onScan(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = scanRef.current!;
    const code = input.value.trim();
    if (!code) return;
    const line = session.lines.find((l) => l.barcode === code || l.sku === code);
    if (!line) {
      setScanError(`No product of this count has barcode or SKU ${code}.`);
      input.select();
      return;
    }
    setScanError(undefined);
    input.value = '';
    const field = lineRefs.current.get(line.productId);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }

  function onCount(productId: string, counted: number) {
    const name = session.lines.find((l) => l.productId === productId)?.name;
    setSaved(undefined);
    record.mutate(
      { productId, countedQuantity: counted },
      {
        onSuccess: () => {
          setLineErrors((e) => ({ ...e, [productId]: '' }));
          setSaved(`Counted ${formatNumber(counted)} of ${name}.`);
          scanRef.current?.focus();
        },
        onError: (error) =>
          setLineErrors((e) => ({ ...e, [productId]: toApiError(error).message })),
      },
    );
  }

  const base = `/stores/${storeId}/counts`;
  return (
    <>
      <PageHeader
        title={`Count: ${session.scopeLabel}`}
        subtitle={
          <>
            <CountStatus status={session.status} /> {formatNumber(session.countedCount)} of{' '}
            {formatNumber(session.lineCount)} counted
            {session.blind ? ' · blind count' : ''}
            {session.skipped > 0 &&
              ` · ${formatNumber(session.skipped)} left out (in another open count)`}
          </>
        }
        actions={
          <>
            <Link to={base} className="btn btn--ghost">
              All counts
            </Link>
            {canManage && (
              <Link to={`${base}/${session.id}/review`} className="btn btn--primary">
                {open ? 'Review differences' : 'Differences'}
              </Link>
            )}
          </>
        }
      />
      {open && (
        <Card title="Scan">
          <form className="scan-form" onSubmit={onScan} noValidate>
            <label htmlFor="count-scan">Barcode or SKU</label>
            <div className="scan-form__row">
              <input
                id="count-scan"
                ref={scanRef}
                autoComplete="off"
                autoFocus
                enterKeyHint="go"
                aria-invalid={scanError ? true : undefined}
                aria-describedby={scanError ? 'count-scan-error' : undefined}
              />
              <Button type="submit" variant="secondary">
                Find
              </Button>
            </div>
            {scanError && (
              <p className="field__error" id="count-scan-error" role="alert">
                {scanError}
              </p>
            )}
          </form>
          <StatusMessage>{saved}</StatusMessage>
        </Card>
      )}
      <Card
        title="Products to count"
        actions={
          <>
            <Button variant="ghost" busy={sheet.isPending} onClick={() => sheet.mutate('pdf')}>
              Count sheet (PDF)
            </Button>
            <Button variant="ghost" busy={sheet.isPending} onClick={() => sheet.mutate('csv')}>
              CSV
            </Button>
          </>
        }
      >
        <ErrorBanner>{sheet.error ? toApiError(sheet.error).message : undefined}</ErrorBanner>
        <ul className="count-lines" aria-label="Products to count">
          {session.lines.map((line) => (
            <CountLineRow
              key={line.productId}
              ref={(el) => {
                if (el) lineRefs.current.set(line.productId, el);
                else lineRefs.current.delete(line.productId);
              }}
              line={line}
              open={open}
              busy={record.isPending && record.variables?.productId === line.productId}
              error={lineErrors[line.productId] || undefined}
              onCount={onCount}
            />
          ))}
        </ul>
      </Card>
      {open && canManage && (
        <Card
          title="Cancel this count"
          tone="danger"
          description="Nothing is posted; the products are free for another count."
        >
          <ErrorBanner>{cancel.error ? toApiError(cancel.error).message : undefined}</ErrorBanner>
          <ConfirmAction
            action="Cancel count"
            subject={session.scopeLabel}
            busy={cancel.isPending}
            onConfirm={() => cancel.mutate()}
          />
        </Card>
      )}
    </>
  );
}
