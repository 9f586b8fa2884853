import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/card';
import { ErrorBanner, Loading } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount, formatDate } from '@/lib/format';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useSupplier } from '../api/get-supplier';
import { SupplierPerformanceCard } from './supplier-performance-card';
import { SupplierProductsCard } from './supplier-products-card';
import { SUPPLIER_STATUS_OPTIONS } from './supplier-status-options';

export function SupplierDetailPage() {
  const { storeId } = useStoreAccess();
  const { supplierId = '' } = useParams();
  const supplier = useSupplier(storeId, supplierId);
  const canManage = useCan('vendor:manage');
  const back = (
    <Link to={`/stores/${storeId}/suppliers`} className="back-link">
      <span aria-hidden="true">←</span> All suppliers
    </Link>
  );
  if (supplier.isPending) return <Loading label="Loading supplier…" />;
  if (supplier.isError) {
    return (
      <div className="page">
        {back}
        <ErrorBanner>{toApiError(supplier.error).message}</ErrorBanner>
      </div>
    );
  }
  const s = supplier.data;
  const status = SUPPLIER_STATUS_OPTIONS.find((o) => o.value === s.status)?.label ?? s.status;
  return (
    <div className="page">
      {back}
      <PageHeader
        title={s.name}
        subtitle={[
          status,
          s.leadTimeDays !== null && s.leadTimeDays !== undefined
            ? `lead time ${formatCount(s.leadTimeDays, 'day')}`
            : undefined,
          formatCount(s.openOrders, 'open order'),
          s.lastOrderAt ? `last ordered ${formatDate(s.lastOrderAt)}` : 'never ordered from',
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <Link
              to={`/stores/${storeId}/purchase-orders?supplier=${s.id}`}
              className="btn btn--secondary"
            >
              Its purchase orders
            </Link>
            {canManage && (
              <Link to={`/stores/${storeId}/purchase-orders/new`} className="btn btn--primary">
                New purchase order
              </Link>
            )}
          </>
        }
      />
      <SupplierPerformanceCard storeId={storeId} supplierId={s.id} />
      <SupplierProductsCard storeId={storeId} supplierId={s.id} />
    </div>
  );
}
