import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { DemandForecastCard } from '@/features/forecasting/components/demand-forecast-card';
import { StockOutlookCard } from '@/features/forecasting/components/stock-outlook-card';
import { toApiError } from '@/lib/api-error';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useProduct } from '../api/get-product';
import { AdjustStockForm } from './adjust-stock-form';
import { CountStockForm } from './count-stock-form';
import { HistoryCard } from './history-card';
import { MovementsCard } from './movements-card';
import { ProductInfoCard } from './product-info-card';
import { ProductStatusAction } from './product-status-action';
import { StockCard } from './stock-card';

export function ProductDetailPage() {
  const { storeId } = useStoreAccess();
  const { productId = '' } = useParams();
  const canWrite = useCan('inventory:write');
  const canDelete = useCan('inventory:delete');
  const product = useProduct(storeId, productId);
  const navigate = useNavigate();
  const justSaved = (useLocation().state as { saved?: boolean } | null)?.saved;
  const listPath = `/stores/${storeId}/products`;

  if (product.isPending) return <Loading label="Loading product…" />;
  if (product.isError) {
    return (
      <div className="page page--narrow">
        <Card>
          <ErrorBanner>{toApiError(product.error).message}</ErrorBanner>
          <Link to={listPath}>Back to products</Link>
        </Card>
      </div>
    );
  }
  const p = product.data;

  return (
    <div className="page">
      <Link to={listPath} className="back-link">
        <span aria-hidden="true">←</span> All products
      </Link>
      <PageHeader
        title={p.name}
        subtitle={
          <>
            SKU {p.sku}
            {p.barcode ? ` · Barcode ${p.barcode}` : ''}
          </>
        }
        actions={
          <>
            {canWrite && (
              <Link to={`${listPath}/${p.id}/edit`} className="btn btn--secondary">
                Edit product
              </Link>
            )}
            <ProductStatusAction
              storeId={storeId}
              product={p}
              canWrite={canWrite}
              canDelete={canDelete}
              onDeleting={() => navigate(listPath)}
            />
          </>
        }
      />
      {justSaved && <StatusMessage>Product saved.</StatusMessage>}
      <div className="grid grid--2">
        <StockCard product={p} />
        <ProductInfoCard product={p} />
      </div>
      {canWrite && (
        <div className="grid grid--2">
          <AdjustStockForm storeId={storeId} product={p} />
          <CountStockForm storeId={storeId} product={p} />
        </div>
      )}
      <StockOutlookCard storeId={storeId} productId={p.id} canEdit={canWrite} />
      <DemandForecastCard storeId={storeId} productId={p.id} />
      <MovementsCard storeId={storeId} productId={p.id} />
      <HistoryCard storeId={storeId} productId={p.id} />
    </div>
  );
}
