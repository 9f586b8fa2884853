import { Card } from '@/components/card';
import { toPick } from '@/hooks/use-find-product-by-code';
import type { ProductPick } from '@/lib/api/types';
import { useMoney } from '@/lib/store-access';
import { useTopSellers } from '../api/get-top-sellers';

interface TopSellersProps {
  storeId: string;
  onPick: (product: ProductPick) => void;
}

const TILES = 12;

/** The store's most-sold products as big buttons: one tap adds one to the sale. */
export function TopSellers({ storeId, onPick }: TopSellersProps) {
  const money = useMoney();
  const top = useTopSellers(storeId, TILES);

  return (
    <Card title="Top sellers" description="The last 30 days’ best sellers: tap to add one.">
      {top.isPending && (
        <div className="top-sellers" role="status">
          <span className="visually-hidden">Loading top sellers…</span>
          {Array.from({ length: 6 }, (_, i) => (
            <span key={i} className="top-sellers__tile top-sellers__tile--skeleton" />
          ))}
        </div>
      )}
      {top.isError && <p className="muted">Top sellers could not be loaded.</p>}
      {top.data?.length === 0 && (
        <p className="muted">The store’s best sellers appear here once it has sales.</p>
      )}
      {!!top.data?.length && (
        <ul className="top-sellers" aria-label="Top sellers">
          {top.data.map((product) => (
            <li key={product.id}>
              <button
                type="button"
                className="top-sellers__tile"
                disabled={product.quantity <= 0}
                onClick={() => onPick(toPick(product))}
              >
                <span className="top-sellers__name">{product.name}</span>
                <span className="top-sellers__price">{money(product.price)}</span>
                <span className="muted small">
                  {product.quantity <= 0 ? 'Out of stock' : `${product.quantity} on hand`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
