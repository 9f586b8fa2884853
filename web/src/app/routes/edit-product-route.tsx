import { EditProductPage } from '@/features/products/components/product-form-page';
import { ProductTaxRateCard } from '@/features/sales/components/product-tax-rate-card';
import { useStoreAccess } from '@/lib/store-access';

/** A product's edit page with the till's card about it: its own tax rate. */
export function EditProductRoute() {
  const { storeId } = useStoreAccess();
  return (
    <EditProductPage
      extra={(productId) => <ProductTaxRateCard storeId={storeId} productId={productId} />}
    />
  );
}
