import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading } from '@/components/messages';
import { useProduct } from '@/hooks/use-product';
import { toApiError } from '@/lib/api-error';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { ProductForm } from './product-form';

function NoWriteAccess({ storeId }: { storeId: string }) {
  return (
    <Card>
      <p className="notice">Your role cannot create or change products in this store.</p>
      <Link to={`/stores/${storeId}/products`}>Back to products</Link>
    </Card>
  );
}

export function NewProductPage() {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  return (
    <div className="page page--narrow">
      <PageHeader title="New product" subtitle="Add an item to the catalogue." />
      {canWrite ? (
        <Card>
          <ProductForm storeId={storeId} />
        </Card>
      ) : (
        <NoWriteAccess storeId={storeId} />
      )}
    </div>
  );
}

/** `extra`: other features' cards about the product, below its form (app/ composes them). */
export function EditProductPage({ extra }: { extra?: (productId: string) => ReactNode } = {}) {
  const { storeId } = useStoreAccess();
  const { productId = '' } = useParams();
  const canWrite = useCan('inventory:write');
  const product = useProduct(storeId, productId);
  return (
    <div className="page page--narrow">
      <PageHeader
        title={product.data ? `Edit ${product.data.name}` : 'Edit product'}
        subtitle="Stock on hand changes through adjustments, counts and sales, not here."
      />
      {!canWrite && <NoWriteAccess storeId={storeId} />}
      {canWrite && product.isPending && <Loading label="Loading product…" />}
      {product.isError && <ErrorBanner>{toApiError(product.error).message}</ErrorBanner>}
      {canWrite && product.data && (
        <Card>
          {/* No remounting key here: saving refetches the product, and a remount would drop the
              pending save's navigation to the product page. */}
          <ProductForm storeId={storeId} product={product.data} />
        </Card>
      )}
      {canWrite && product.data && extra?.(product.data.id)}
    </div>
  );
}
