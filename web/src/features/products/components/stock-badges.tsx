import { daysUntil, formatCount } from '@/lib/format';
import type { Product } from '../api/types';

// Expiry is flagged this many days ahead, the same horizon as the dashboard's "expiring soon".
const EXPIRY_WARNING_DAYS = 30;

export function expiryLabel(expiresAt: string | null): string | undefined {
  if (!expiresAt) return undefined;
  const days = daysUntil(expiresAt);
  if (days > EXPIRY_WARNING_DAYS) return undefined;
  if (days < 0) return 'Expired';
  if (days === 0) return 'Expires today';
  return `Expires in ${formatCount(days, 'day')}`;
}

type BadgeProduct = Pick<Product, 'quantity' | 'lowStock' | 'outOfStock' | 'expiresAt' | 'active'>;

/** Stock and expiry warnings as words, with colour only as a second signal. */
export function StockBadges({ product }: { product: BadgeProduct }) {
  const expiry = expiryLabel(product.expiresAt);
  const outOfStock = product.outOfStock || product.quantity <= 0;
  return (
    <span className="badges">
      {outOfStock && <span className="badge badge--danger">Out of stock</span>}
      {!outOfStock && product.lowStock && <span className="badge badge--warning">Low stock</span>}
      {expiry && (
        <span className={expiry === 'Expired' ? 'badge badge--danger' : 'badge badge--warning'}>
          {expiry}
        </span>
      )}
      {!product.active && <span className="badge">Inactive</span>}
    </span>
  );
}
