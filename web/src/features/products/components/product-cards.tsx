import { Link } from 'react-router-dom';
import { DaysLeft } from '@/components/days-left';
import { SelectField } from '@/components/form-field';
import { ProductThumb } from '@/components/product-thumb';
import type { SortOrder } from '@/components/sortable-header';
import type { Prediction } from '@/hooks/use-predictions';
import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { Product, ProductSort } from '../api/types';
import { StockBadges } from './stock-badges';

interface ProductCardsProps {
  storeId: string;
  products: Product[];
  sort: ProductSort;
  order: SortOrder;
  onSort: (field: string, order: SortOrder) => void;
  predictions?: ReadonlyMap<string, Prediction>;
}

// A phone has no column headers to tap, so the orders a phone user wants are a select.
const SORTS: { value: `${ProductSort}:${SortOrder}`; label: string }[] = [
  { value: 'name:asc', label: 'Name, A to Z' },
  { value: 'name:desc', label: 'Name, Z to A' },
  { value: 'quantity:asc', label: 'Fewest on hand first' },
  { value: 'quantity:desc', label: 'Most on hand first' },
  { value: 'price:asc', label: 'Cheapest first' },
  { value: 'price:desc', label: 'Dearest first' },
  { value: 'expiresAt:asc', label: 'Expiring soonest first' },
  { value: 'sku:asc', label: 'SKU' },
];

/** The product list on a narrow screen: one card per product instead of a wide table. */
export function ProductCards({
  storeId,
  products,
  sort,
  order,
  onSort,
  predictions,
}: ProductCardsProps) {
  const money = useMoney();
  const current = `${sort}:${order}`;
  const options = SORTS.some((s) => s.value === current)
    ? SORTS
    : [
        { value: current, label: `${sort}, ${order === 'asc' ? 'ascending' : 'descending'}` },
        ...SORTS,
      ];
  return (
    <>
      <SelectField
        label="Sort by"
        name="sort"
        value={current}
        onChange={(e) => {
          const [field = 'name', next = 'asc'] = e.target.value.split(':');
          onSort(field, next as SortOrder);
        }}
        options={options}
      />
      <ul className="product-cards" aria-label="Products">
        {products.map((product) => (
          <li key={product.id} className="product-card">
            <div className="product-card__head">
              <span className="with-thumb">
                <ProductThumb storeId={storeId} product={product} />
                <Link to={`/stores/${storeId}/products/${product.id}`} className="strong">
                  {product.name}
                </Link>
              </span>
              <span className="num strong">{money(product.price)}</span>
            </div>
            <div className="muted small">
              {[product.brand, product.category?.name].filter(Boolean).join(' · ')}
              {(product.brand || product.category) && ' · '}
              SKU <code>{product.sku}</code>
            </div>
            <div className="product-card__stock">
              <span className="strong">
                {formatNumber(product.quantity)} {product.unit ?? ''} on hand
              </span>
              <StockBadges product={product} />
            </div>
            {predictions?.has(product.id) && (
              <div className="small">
                Days left: <DaysLeft prediction={predictions.get(product.id)} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
