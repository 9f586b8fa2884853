import { Link } from 'react-router-dom';
import { DaysLeft } from '@/components/days-left';
import { ProductThumb } from '@/components/product-thumb';
import { SortableHeader, type SortOrder } from '@/components/sortable-header';
import type { Prediction } from '@/hooks/use-predictions';
import { formatDate, formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { Product } from '../api/types';
import { StockBadges } from './stock-badges';
import { TableWrap } from '@/components/table-wrap';

interface ProductsTableProps {
  storeId: string;
  products: Product[];
  sort: string;
  order: SortOrder;
  onSort: (field: string, order: SortOrder) => void;
  /** Days of stock left per product id (absent: never computed). */
  predictions?: ReadonlyMap<string, Prediction>;
}

export function ProductsTable({
  storeId,
  products,
  sort,
  order,
  onSort,
  predictions,
}: ProductsTableProps) {
  const money = useMoney();
  const header = { sort, order, onSort };
  return (
    <TableWrap label="Products">
      <table className="table" aria-label="Products">
        <thead>
          <tr>
            <SortableHeader field="name" {...header}>
              Name
            </SortableHeader>
            <SortableHeader field="sku" {...header}>
              SKU
            </SortableHeader>
            <th scope="col">Category</th>
            <SortableHeader field="price" {...header} className="num">
              Price
            </SortableHeader>
            <SortableHeader field="quantity" {...header} className="num">
              Quantity
            </SortableHeader>
            <th scope="col">Days left</th>
            <SortableHeader field="expiresAt" {...header}>
              Expires
            </SortableHeader>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id}>
              <td>
                <div className="with-thumb">
                  <ProductThumb storeId={storeId} product={product} />
                  <div>
                    <Link to={`/stores/${storeId}/products/${product.id}`} className="strong">
                      {product.name}
                    </Link>
                    {product.brand && <div className="muted small">{product.brand}</div>}
                  </div>
                </div>
              </td>
              <td>
                <code>{product.sku}</code>
              </td>
              <td>{product.category?.name ?? <span className="muted">—</span>}</td>
              <td className="num">{money(product.price)}</td>
              <td className="num strong">
                {formatNumber(product.quantity)}
                {product.unit && <span className="muted small"> {product.unit}</span>}
              </td>
              <td>
                <DaysLeft prediction={predictions?.get(product.id)} />
              </td>
              <td>{formatDate(product.expiresAt)}</td>
              <td>
                <StockBadges product={product} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
