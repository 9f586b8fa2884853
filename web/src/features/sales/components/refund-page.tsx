import { Link, Navigate, useParams } from 'react-router-dom';
import { ErrorBanner, Loading } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useStoreAccess } from '@/lib/store-access';
import { useRefund } from '../api/get-refund';

/** A refund is shown on its sale's page: a stock movement's "View refund" lands there. */
export function RefundPage() {
  const { storeId } = useStoreAccess();
  const { refundId = '' } = useParams();
  const refund = useRefund(storeId, refundId);
  if (refund.isPending) return <Loading label="Loading refund…" />;
  if (refund.isError) {
    return (
      <div className="page page--narrow">
        <Link to={`/stores/${storeId}/sales`} className="back-link">
          <span aria-hidden="true">←</span> All sales
        </Link>
        <ErrorBanner>{toApiError(refund.error).message}</ErrorBanner>
      </div>
    );
  }
  return <Navigate replace to={`/stores/${storeId}/sales/${refund.data.saleId}`} />;
}
