import { DemandForecastCard } from '@/features/forecasting/components/demand-forecast-card';
import { StockOutlookCard } from '@/features/forecasting/components/stock-outlook-card';
import { ProductDetailPage } from '@/features/products/components/product-detail-page';
import { useCan, useStoreAccess } from '@/lib/store-access';

/** A product's page with forecasting's cards about it: its stock outlook and its demand. */
export function ProductDetailRoute() {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  return (
    <ProductDetailPage
      outlook={(productId) => (
        <>
          <StockOutlookCard storeId={storeId} productId={productId} canEdit={canWrite} />
          <DemandForecastCard storeId={storeId} productId={productId} />
        </>
      )}
    />
  );
}
