import { daysUntil, formatCount, formatNumber } from '@/lib/format';
import { useCan, useStoreAccess } from '@/lib/store-access';
import type { Product } from '../api/types';
import { WriteOffExpired } from './write-off-expired';

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

type BadgeProduct = Pick<
  Product,
  'id' | 'name' | 'quantity' | 'lowStock' | 'outOfStock' | 'expiresAt' | 'active'
>;

/** Units on hand past their expiry date (0 when none or nothing on hand). */
export const expiredUnits = (p: Pick<Product, 'quantity' | 'expiresAt'>) =>
  p.expiresAt && daysUntil(p.expiresAt) < 0 ? Math.max(p.quantity, 0) : 0;

/**
 * Stock and expiry warnings as words, with colour only as a second signal; expired stock on
 * hand says how much, with the action that writes it off for those who change stock.
 */
export function StockBadges({ product }: { product: BadgeProduct }) {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  const expired = expiredUnits(product);
  const expiry = expired
    ? `Expired stock: ${formatNumber(expired)}`
    : expiryLabel(product.expiresAt);
  const outOfStock = product.outOfStock || product.quantity <= 0;
  return (
    <span className="badges">
      {outOfStock && <span className="badge badge--danger">Out of stock</span>}
      {!outOfStock && product.lowStock && <span className="badge badge--warning">Low stock</span>}
      {expiry && (
        <span
          className={
            expired || expiry === 'Expired' ? 'badge badge--danger' : 'badge badge--warning'
          }
        >
          {expiry}
        </span>
      )}
      {expired > 0 && canWrite && <WriteOffExpired storeId={storeId} product={product} />}
      {!product.active && <span className="badge">Inactive</span>}
    </span>
  );
}
