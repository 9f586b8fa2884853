import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { useProduct } from '@/hooks/use-product';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { AdjustStockForm } from './adjust-stock-form';
import { CountStockForm } from './count-stock-form';
import { HistoryCard } from './history-card';
import { MovementsCard } from './movements-card';
import { ProductImageCard } from './product-image-card';
import { ProductInfoCard } from './product-info-card';
import { ProductStatusAction } from './product-status-action';
import { StockCard } from './stock-card';

interface ProductDetailPageProps {
  /** Cards of other features about this product, shown above its movements (app/ composes them). */
  outlook: (productId: string) => ReactNode;
}

export function ProductDetailPage({ outlook }: ProductDetailPageProps) {
  const { storeId } = useStoreAccess();
  const { productId = '' } = useParams();
  const canWrite = useCan('inventory:write');
  const canDelete = useCan('inventory:delete');
  const product = useProduct(storeId, productId);
  const navigate = useNavigate();
  const justSaved = (useLocation().state as { saved?: boolean } | null)?.saved;
  const listPath = `/stores/${storeId}/products`;

  return (
    <QueryState
      query={product}
      loading="Loading product…"
      error={(message) => (
        <div className="page page--narrow">
          <Card>
            <ErrorBanner>{message}</ErrorBanner>
            <Link to={listPath}>Back to products</Link>
          </Card>
        </div>
      )}
    >
      {(p) => (
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
          <ProductImageCard storeId={storeId} product={p} canWrite={canWrite} />
          {canWrite && (
            <div className="grid grid--2">
              <AdjustStockForm storeId={storeId} product={p} />
              <CountStockForm storeId={storeId} product={p} />
            </div>
          )}
          {outlook(p.id)}
          <MovementsCard storeId={storeId} productId={p.id} />
          <HistoryCard storeId={storeId} productId={p.id} />
        </div>
      )}
    </QueryState>
  );
}
