import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount, formatDate, formatDateTime } from '@/lib/format';
import { useCan, useMoney, useStoreAccess } from '@/lib/store-access';
import { useDeletePurchaseOrder } from '../api/delete-purchase-order';
import { usePurchaseOrder } from '../api/get-purchase-order';
import { useSetOrderStatus } from '../api/set-order-status';
import { STATUS_LABELS } from '../api/types';
import { CancelOrderDialog } from './cancel-order-dialog';
import { OrderActions } from './order-actions';
import { OrderDocuments } from './order-documents';
import { OrderLinesTable } from './order-lines-table';
import { OrderStatusBadge } from './order-status-badge';
import { ReceiptsCard } from './receipts-card';
import { ReceiveDialog } from './receive-dialog';
import { SendOrderDialog } from './send-order-dialog';
import { StatusSteps } from './status-steps';

interface Props {
  /** What another feature prints for the units received on the order (its labels), when any. */
  deliveryLabels?: (orderId: string) => ReactNode;
}

export function PurchaseOrderDetailPage({ deliveryLabels }: Props = {}) {
  const { storeId } = useStoreAccess();
  const { orderId = '' } = useParams();
  const navigate = useNavigate();
  const order = usePurchaseOrder(storeId, orderId);
  const moving = useSetOrderStatus(storeId, orderId);
  const deleting = useDeletePurchaseOrder(storeId, orderId);
  const money = useMoney();
  const canManage = useCan('vendor:manage');
  const canReceive = useCan('inventory:write');
  const [dialog, setDialog] = useState<'receive' | 'cancel' | 'send'>();
  const [done, setDone] = useState<string>();
  const back = (
    <Link to={`/stores/${storeId}/purchase-orders`} className="back-link">
      <span aria-hidden="true">←</span> All purchase orders
    </Link>
  );

  if (order.isPending) return <Loading label="Loading purchase order…" />;
  if (order.isError) {
    return (
      <div className="page page--narrow">
        {back}
        <ErrorBanner>{toApiError(order.error).message}</ErrorBanner>
      </div>
    );
  }
  const o = order.data;
  const actionError = moving.error ?? deleting.error;

  return (
    <div className="page page--narrow">
      {back}
      <PageHeader
        title={`Purchase order ${o.orderNumber}`}
        subtitle={
          <>
            {o.supplier.name} · ordered {formatDateTime(o.orderedAt)}
            {o.expectedAt ? ` · expected ${formatDate(o.expectedAt)}` : ''}
            {o.total !== null && ` · total ${money(o.total)}`}{' '}
            <OrderStatusBadge status={o.status} />
          </>
        }
        actions={
          <OrderActions
            order={o}
            canManage={canManage}
            canReceive={canReceive}
            busy={moving.isPending}
            onMove={(to) =>
              moving.mutate(
                { status: to },
                {
                  onSuccess: () =>
                    setDone(`${o.orderNumber} is now ${STATUS_LABELS[to].toLowerCase()}.`),
                },
              )
            }
            onReceive={() => setDialog('receive')}
            onSend={() => setDialog('send')}
            onCancel={() => setDialog('cancel')}
            onDelete={() =>
              deleting.mutate(undefined, {
                onSuccess: () => navigate(`/stores/${storeId}/purchase-orders`),
              })
            }
          />
        }
      />
      <StatusMessage>{done}</StatusMessage>
      <ErrorBanner>{actionError ? toApiError(actionError).message : undefined}</ErrorBanner>
      <StatusSteps order={o} />
      {o.status === 'cancelled' && (
        <p className="notice notice--danger">
          Cancelled {formatDateTime(o.cancelledAt)}
          {o.cancelReason ? `: ${o.cancelReason}` : ''}. What was received stays in stock.
        </p>
      )}
      {o.status === 'pending' && canReceive && (
        <p className="muted small">Mark the order as sent to the supplier to receive deliveries.</p>
      )}
      {o.sentAt && (
        <p className="notice">
          E-mailed to {o.sentTo} {formatDateTime(o.sentAt)}.
        </p>
      )}
      {o.notes && <p className="notice">{o.notes}</p>}
      {canManage && (
        <div className="toolbar">
          <OrderDocuments storeId={storeId} order={o} />
          {o.status === 'pending' && (
            <Link
              to={`/stores/${storeId}/purchase-orders/${o.id}/edit`}
              className="btn btn--secondary"
            >
              Edit order
            </Link>
          )}
        </div>
      )}
      <Card title="Lines">
        <OrderLinesTable storeId={storeId} order={o} />
      </Card>
      {deliveryLabels && o.lines.some((l) => l.receivedQuantity > 0) && (
        <div className="toolbar">{deliveryLabels(o.id)}</div>
      )}
      <ReceiptsCard storeId={storeId} orderId={o.id} />
      {canReceive && (
        <ReceiveDialog
          storeId={storeId}
          order={o}
          open={dialog === 'receive'}
          onClose={() => setDialog(undefined)}
          onReceived={(result, units) => {
            setDialog(undefined);
            setDone(
              `Received ${formatCount(units, 'unit')} into stock.${
                result.order.status === 'completed' ? ` ${o.orderNumber} is complete.` : ''
              }`,
            );
          }}
        />
      )}
      {canManage && (
        <SendOrderDialog
          storeId={storeId}
          order={o}
          open={dialog === 'send'}
          onClose={() => setDialog(undefined)}
          onSent={(sent) => {
            setDialog(undefined);
            setDone(`${o.orderNumber} e-mailed to ${sent.sentTo}.`);
          }}
        />
      )}
      {canManage && (
        <CancelOrderDialog
          storeId={storeId}
          order={o}
          open={dialog === 'cancel'}
          onClose={() => setDialog(undefined)}
          onCancelled={() => {
            setDialog(undefined);
            setDone(`${o.orderNumber} cancelled.`);
          }}
        />
      )}
    </div>
  );
}
