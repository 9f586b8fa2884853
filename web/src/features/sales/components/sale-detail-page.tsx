import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { useStore } from '@/hooks/use-store';
import { toApiError } from '@/lib/api-error';
import { dayIn, formatCount, formatDateTime } from '@/lib/format';
import { useCan, useMoney, useStoreAccess } from '@/lib/store-access';
import { useSale } from '../api/get-sale';
import { saleLabel, type Sale } from '../api/types';
import { RefundSaleDialog } from './refund-sale-dialog';
import { RefundsCard } from './refunds-card';
import { SaleItemsTable } from './sale-items-table';
import { SaleApprovals } from './sale-approvals';
import { SaleStatus } from './sale-status';
import { VoidSaleDialog } from './void-sale-dialog';
import { EmailReceiptButton } from './email-receipt-dialog';

/** Why a sale cannot be voided, or nothing when it can (the API has the last word). */
function voidBlocker(sale: Sale, timezone: string | undefined): string | undefined {
  if (sale.status === 'voided') return undefined;
  if (sale.refunds.length)
    return 'A sale with refunds cannot be voided: refund what is left instead.';
  if (timezone && dayIn(sale.soldAt, timezone) !== dayIn(new Date(), timezone)) {
    return 'A sale can be voided only on the day it was made: refund it instead.';
  }
  return undefined;
}

export function SaleDetailPage() {
  const { storeId } = useStoreAccess();
  const { saleId = '' } = useParams();
  const sale = useSale(storeId, saleId);
  const store = useStore(storeId);
  const money = useMoney();
  // Managers and admins void and refund; employees too, with a manager's approval.
  const canRefund = useCan('inventory:write');
  const approvalNeeded = !useCan('sales:refund');
  const [dialog, setDialog] = useState<'void' | 'refund'>();
  const [done, setDone] = useState<string>();
  const back = (
    <Link to={`/stores/${storeId}/sales`} className="back-link">
      <span aria-hidden="true">←</span> All sales
    </Link>
  );

  if (sale.isPending) return <Loading label="Loading sale…" />;
  if (sale.isError) {
    return (
      <div className="page page--narrow">
        {back}
        <ErrorBanner>{toApiError(sale.error).message}</ErrorBanner>
      </div>
    );
  }
  const s = sale.data;
  const completed = s.status === 'completed';
  const refundable = completed && s.items.some((i) => i.refundedQuantity < i.quantity);
  const blocker = voidBlocker(s, store.data?.timezone);
  const canVoid = completed && !blocker && !!store.data;

  return (
    <div className="page page--narrow">
      {back}
      <PageHeader
        title={`Sale ${saleLabel(s)}`}
        subtitle={
          <>
            {formatDateTime(s.soldAt)} · {formatCount(s.itemCount, 'unit')} · total {money(s.total)}
            {s.user ? ` · recorded by ${s.user.name}` : ''}
            {s.externalReference ? ` · reference ${s.externalReference}` : ''}
            {s.provisionalNumber ? ` · rung up offline as ${s.provisionalNumber}` : ''}{' '}
            <SaleStatus sale={s} />
          </>
        }
        actions={
          <>
            <Link to={`/stores/${storeId}/sales/${s.id}/receipt`} className="btn btn--secondary">
              Receipt
            </Link>
            {canRefund && <EmailReceiptButton storeId={storeId} sale={s} />}
            {canRefund && refundable && (
              <Button variant="secondary" onClick={() => setDialog('refund')}>
                Refund…
              </Button>
            )}
            {canRefund && canVoid && (
              <Button variant="danger" onClick={() => setDialog('void')}>
                Void sale…
              </Button>
            )}
          </>
        }
      />
      <StatusMessage>{done}</StatusMessage>
      {s.status === 'voided' && (
        <p className="notice notice--danger">
          Voided {formatDateTime(s.voidedAt)}
          {s.voidedBy ? ` by ${s.voidedBy.name}` : ''}: {s.voidReason}. Its stock went back and it
          does not count as revenue.
        </p>
      )}
      {canRefund && completed && blocker && <p className="muted small">{blocker}</p>}
      {s.note && <p className="notice">{s.note}</p>}
      <SaleApprovals sale={s} />
      <Card title="Items">
        <SaleItemsTable storeId={storeId} sale={s} />
      </Card>
      <RefundsCard refunds={s.refunds} />
      {canRefund && (
        <>
          <VoidSaleDialog
            storeId={storeId}
            sale={s}
            open={dialog === 'void'}
            onClose={() => setDialog(undefined)}
            approvalNeeded={approvalNeeded}
            onVoided={() => {
              setDialog(undefined);
              setDone(`Sale ${saleLabel(s)} voided. Its stock is back on hand.`);
            }}
          />
          <RefundSaleDialog
            storeId={storeId}
            sale={s}
            open={dialog === 'refund'}
            onClose={() => setDialog(undefined)}
            approvalNeeded={approvalNeeded}
            onRefunded={(total) => {
              setDialog(undefined);
              setDone(`Refunded ${money(total)}.`);
            }}
          />
        </>
      )}
    </div>
  );
}
