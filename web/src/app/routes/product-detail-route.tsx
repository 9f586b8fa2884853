import { DemandForecastCard } from '@/features/forecasting/components/demand-forecast-card';
import { StockOutlookCard } from '@/features/forecasting/components/stock-outlook-card';
import { LabelsCard } from '@/features/labels/components/labels-card';
import { ProductDetailPage } from '@/features/products/components/product-detail-page';
import { useCan, useStoreAccess } from '@/lib/store-access';

/**
 * A product's page with other features' cards about it: forecasting's stock outlook and
 * demand, and its labels to print.
 */
export function ProductDetailRoute() {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  return (
    <ProductDetailPage
      outlook={(productId) => (
        <>
          <StockOutlookCard storeId={storeId} productId={productId} canEdit={canWrite} />
          <DemandForecastCard storeId={storeId} productId={productId} />
          <LabelsCard storeId={storeId} productId={productId} />
        </>
      )}
    />
  );
}
