import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ConfirmAction } from '@/components/confirm-action';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { useSuppliers } from '@/hooks/use-suppliers';
import { toApiError } from '@/lib/api-error';
import { formatCount, formatDateTime } from '@/lib/format';
import { useCan, useMoney, useStoreAccess } from '@/lib/store-access';
import { useDeleteShoppingList } from '../api/delete-shopping-list';
import { useShoppingList } from '../api/get-shopping-list';
import { useOptimizeShoppingList } from '../api/optimize-shopping-list';
import type { ConvertResult, OptimizeResult, ShoppingList } from '../api/types';
import { useUpdateShoppingListItem } from '../api/update-shopping-list-item';
import { ConvertDialog } from './convert-dialog';
import { ListStatus } from './list-status';
import { OptimizeChanges } from './optimize-changes';
import { OrdersCard } from './orders-card';
import { SupplierGroup } from './supplier-group';

export function ShoppingListPage() {
  const { storeId } = useStoreAccess();
  const { listId = '' } = useParams();
  const navigate = useNavigate();
  // Arrived from the reorder plan (forecasting's "Create shopping list" / "Place orders").
  const fromPlan = (useLocation().state as { fromPlan?: 'list' | 'ordered' } | null)?.fromPlan;
  const list = useShoppingList(storeId, listId);
  const suppliers = useSuppliers(storeId, { limit: 100, sort: 'name', order: 'asc' });
  const canManage = useCan('vendor:manage');
  const canEdit = useCan('inventory:write');
  const money = useMoney();
  const update = useUpdateShoppingListItem(storeId, listId);
  const optimize = useOptimizeShoppingList(storeId, listId);
  const remove = useDeleteShoppingList(storeId, listId);
  const [optimized, setOptimized] = useState<OptimizeResult>();
  const [converting, setConverting] = useState(false);
  const [converted, setConverted] = useState<ConvertResult>();
  const supplierNames = useMemo(
    () => new Map((suppliers.data?.items ?? []).map((s) => [s.id, s.name])),
    [suppliers.data],
  );
  const back = (
    <Link to={`/stores/${storeId}/shopping-lists`} className="back-link">
      <span aria-hidden="true">←</span> All reorder lists
    </Link>
  );

  if (list.isPending) return <Loading label="Loading reorder list…" />;
  if (list.isError) {
    return (
      <div className="page">
        {back}
        <ErrorBanner>{toApiError(list.error).message}</ErrorBanner>
      </div>
    );
  }
  const l: ShoppingList = list.data;
  const draft = l.status === 'draft';
  const error = [update.error, optimize.error, remove.error].find(Boolean);

  return (
    <div className="page">
      {back}
      <PageHeader
        title={l.name}
        subtitle={
          <>
            <ListStatus status={l.status} /> {formatCount(l.itemCount, 'item')} · estimated{' '}
            {money(l.estimatedTotal)}
            {l.actualTotal !== null && ` · spent ${money(l.actualTotal)}`} · created{' '}
            {formatDateTime(l.createdAt)}
            {l.createdBy && ` by ${l.createdBy.name}`}
          </>
        }
        actions={
          canManage &&
          draft && (
            <>
              <Button
                variant="secondary"
                busy={optimize.isPending}
                busyLabel="Optimising…"
                disabled={!l.itemCount}
                onClick={() => optimize.mutate(undefined, { onSuccess: setOptimized })}
              >
                Optimise
              </Button>
              <Button disabled={!l.itemCount} onClick={() => setConverting(true)}>
                Create purchase orders…
              </Button>
              <ConfirmAction
                action="Delete"
                subject={l.name}
                busy={remove.isPending}
                onConfirm={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => navigate(`/stores/${storeId}/shopping-lists`),
                  })
                }
              />
            </>
          )
        }
      />
      <ErrorBanner>{error ? toApiError(error).message : undefined}</ErrorBanner>
      {fromPlan && !converted && (
        <StatusMessage>
          {fromPlan === 'ordered'
            ? `Ordered from the reorder plan: ${formatCount(l.purchaseOrders.length, 'purchase order')}.`
            : 'Made from the reorder plan: review it, then create the purchase orders.'}
        </StatusMessage>
      )}
      {converted && (
        <StatusMessage>
          Created {formatCount(converted.purchaseOrders.length, 'purchase order')}.
        </StatusMessage>
      )}
      {optimized && <OptimizeChanges result={optimized} supplierNames={supplierNames} />}
      {l.purchaseOrders.length > 0 && (
        <OrdersCard storeId={storeId} orders={l.purchaseOrders} supplierNames={supplierNames} />
      )}
      {l.itemCount === 0 && (
        <Card>
          <p className="muted">Nothing needs reordering with these criteria.</p>
        </Card>
      )}
      {l.suppliers.map((group) => (
        <SupplierGroup
          key={group.supplier?.id ?? 'none'}
          storeId={storeId}
          title={group.supplier?.name ?? 'No supplier'}
          items={l.items.filter((i) => (i.supplier?.id ?? null) === (group.supplier?.id ?? null))}
          estimatedTotal={group.estimatedTotal}
          editable={draft && canEdit}
          suppliers={group.supplier ? undefined : (suppliers.data?.items ?? [])}
          onChange={(itemId, input) => update.mutate({ itemId, input })}
        />
      ))}
      {l.suppliers.length > 1 && l.estimatedTotal !== null && (
        <p className="strong">Estimated total for the list: {money(l.estimatedTotal)}</p>
      )}
      <ConvertDialog
        storeId={storeId}
        list={l}
        open={converting}
        onClose={() => setConverting(false)}
        onConverted={(result) => {
          setConverting(false);
          setOptimized(undefined);
          setConverted(result);
        }}
      />
    </div>
  );
}
