import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import type { SortOrder } from '@/components/sortable-header';
import { usePredictions } from '@/hooks/use-predictions';
import { useProductOptions } from '@/hooks/use-product-options';
import { usePendingDeletes } from '@/lib/deferred-delete';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { PHONE, useMediaQuery } from '@/lib/use-media-query';
import { useProducts } from '../api/get-products';
import type { ProductListParams, ProductSort } from '../api/types';
import { ProductCards } from './product-cards';
import { FILTER_KEYS, filtersOf, ProductFilters } from './product-filters';
import { ProductsTable } from './products-table';

export function ProductsPage() {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  const list = useListParams();
  const { categories, suppliers } = useProductOptions(storeId);
  const sort = (list.get('sort') || 'name') as ProductSort;
  const order = (list.get('order') || 'asc') as SortOrder;
  const params: ProductListParams = {
    page: list.page,
    limit: 25,
    sort,
    order,
    ...filtersOf(list),
  };
  const products = useProducts(storeId, params);
  const filtered = FILTER_KEYS.some((key) => list.get(key));
  // A product whose delete waits for Undo is gone from the list already.
  const deleting = usePendingDeletes();
  const items = products.data?.items.filter((p) => !deleting.has(p.id));
  const predictions = usePredictions(storeId, items?.map((p) => p.id) ?? []);
  const phone = useMediaQuery(PHONE);
  const List = phone ? ProductCards : ProductsTable;

  return (
    <div className="page">
      <PageHeader
        title="Products"
        subtitle="Your catalogue with stock on hand."
        actions={
          canWrite && (
            <>
              <Link to={`/stores/${storeId}/products/import`} className="btn btn--secondary">
                Import / export
              </Link>
              <Link to={`/stores/${storeId}/products/new`} className="btn btn--primary">
                <span aria-hidden="true">+</span> New product
              </Link>
            </>
          )
        }
      />
      <Card>
        <ProductFilters
          list={list}
          categories={categories.data ?? []}
          suppliers={suppliers.data ?? []}
        />
        <QueryState
          query={products}
          isEmpty={() => items?.length === 0}
          loading="Loading products…"
          empty={
            <div className="empty-state">
              <h2>{filtered ? 'No product matches these filters' : 'No products yet'}</h2>
              <p>
                {filtered
                  ? 'Try another search or clear the filters.'
                  : 'Add your first product, or import a catalogue from a spreadsheet.'}
              </p>
            </div>
          }
        >
          {(data) => (
            <>
              <List
                storeId={storeId}
                products={items ?? []}
                sort={sort}
                order={order}
                onSort={(field, next) => list.update({ sort: field, order: next })}
                predictions={predictions.data}
              />
              <Pagination
                label="Product pages"
                pagination={data.pagination}
                onPage={list.setPage}
              />
            </>
          )}
        </QueryState>
      </Card>
    </div>
  );
}
