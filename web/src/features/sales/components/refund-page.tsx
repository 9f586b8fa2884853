import { Link, Navigate, useParams } from 'react-router-dom';
import { ErrorBanner } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { useStoreAccess } from '@/lib/store-access';
import { useRefund } from '../api/get-refund';

/** A refund is shown on its sale's page: a stock movement's "View refund" lands there. */
export function RefundPage() {
  const { storeId } = useStoreAccess();
  const { refundId = '' } = useParams();
  const refund = useRefund(storeId, refundId);
  return (
    <QueryState
      query={refund}
      loading="Loading refund…"
      error={(message) => (
        <div className="page page--narrow">
          <Link to={`/stores/${storeId}/sales`} className="back-link">
            <span aria-hidden="true">←</span> All sales
          </Link>
          <ErrorBanner>{message}</ErrorBanner>
        </div>
      )}
    >
      {(found) => <Navigate replace to={`/stores/${storeId}/sales/${found.saleId}`} />}
    </QueryState>
  );
}
