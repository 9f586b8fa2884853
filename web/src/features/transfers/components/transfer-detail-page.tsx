import { Link, useParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ConfirmAction } from '@/components/confirm-action';
import { ErrorBanner } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useTransfer } from '../api/get-transfer';
import { useTransferAction, type TransferAction } from '../api/transfer-actions';
import type { Transfer } from '../api/types';
import { ReceiveTransferForm } from './receive-transfer-form';
import { TransferLinesTable } from './transfer-lines-table';
import { TransferStatusBadge } from './transfer-status-badge';

/** One transfer: its lines, and what this store can do with it now. */
export function TransferDetailPage() {
  const { storeId } = useStoreAccess();
  const { transferId = '' } = useParams();
  const transfer = useTransfer(storeId, transferId);
  return (
    <div className="page">
      <Link to={`/stores/${storeId}/transfers`} className="back-link">
        <span aria-hidden="true">←</span> All transfers
      </Link>
      <QueryState query={transfer} loading="Loading the transfer…">
        {(t) => <TransferView transfer={t} />}
      </QueryState>
    </div>
  );
}

function TransferView({ transfer: t }: { transfer: Transfer }) {
  const { storeId } = useStoreAccess();
  const canTransfer = useCan('inventory:transfer');
  const canReceive = useCan('inventory:write');
  const acting = useTransferAction(storeId, t.id);
  const idempotency = useIdempotencyKey();
  const apiError = acting.error ? toApiError(acting.error) : undefined;
  const outgoing = t.direction === 'outgoing';
  const receiving = !outgoing && t.status === 'sent' && canReceive;

  function act(a: Omit<TransferAction, 'idempotencyKey'> & Partial<TransferAction>) {
    const full = { ...a, idempotencyKey: idempotency.keyFor(a) } as TransferAction;
    acting.mutate(full, { onSettled: (_r, e) => idempotency.settle(e) });
  }

  const title = outgoing ? `Transfer to ${t.toStore.name}` : `Transfer from ${t.fromStore.name}`;
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <>
            <TransferStatusBadge status={t.status} /> Written {formatDateTime(t.createdAt)}
            {t.sentAt && `, sent ${formatDateTime(t.sentAt)}`}
            {t.receivedAt && `, received ${formatDateTime(t.receivedAt)}`}
            {t.cancelledAt && `, cancelled ${formatDateTime(t.cancelledAt)}`}
          </>
        }
        actions={
          outgoing &&
          canTransfer &&
          (t.status === 'draft' || t.status === 'sent') && (
            <div className="toolbar">
              {t.status === 'draft' && (
                <Button
                  busy={acting.isPending}
                  busyLabel="Sending…"
                  onClick={() => act({ action: 'send' })}
                >
                  Send transfer
                </Button>
              )}
              <ConfirmAction
                action="Cancel transfer"
                subject={title}
                busy={acting.isPending}
                onConfirm={() => act({ action: 'cancel' })}
              />
            </div>
          )
        }
      />
      <ErrorBanner>
        {/* The receive form shows its own field errors; anything else (SKUs missing there) here. */}
        {apiError && (!receiving || !Object.keys(apiError.fieldErrors).length)
          ? apiError.message
          : undefined}
      </ErrorBanner>
      {t.note && <p>{t.note}</p>}
      {receiving ? (
        <Card
          title="Receive"
          description="Count what arrived. Units not counted are recorded as the difference."
        >
          <ReceiveTransferForm
            transfer={t}
            busy={acting.isPending}
            fieldErrors={apiError?.fieldErrors ?? {}}
            onReceive={(input) => act({ action: 'receive', input })}
          />
        </Card>
      ) : (
        <Card title="Lines">
          <TransferLinesTable transfer={t} />
          {t.receiveNote && <p className="muted">Receiving note: {t.receiveNote}</p>}
        </Card>
      )}
    </>
  );
}
