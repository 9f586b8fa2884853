import type { UseQueryResult } from '@tanstack/react-query';
import { formatCount, formatDateTime } from '@/lib/format';
import { MAX_PRODUCTS } from '@/lib/offline-catalogue';

interface OfflineCatalogueNoteProps {
  sync: UseQueryResult<{ products: number; capped: boolean; syncedAt: string }>;
}

/** How much of the catalogue this device keeps for selling offline, and since when. */
export function OfflineCatalogueNote({ sync }: OfflineCatalogueNoteProps) {
  if (!sync.data) {
    return sync.isError ? (
      <p className="muted till__offline-note">
        The copy of the catalogue for selling offline could not be brought up to date.
      </p>
    ) : null;
  }
  const { products, capped, syncedAt } = sync.data;
  return (
    <p className="muted till__offline-note" data-offline-products={products}>
      For selling offline, this device keeps {formatCount(products, 'product')}
      {capped ? ` (the ${MAX_PRODUCTS.toLocaleString()} changed last)` : ''}, as of{' '}
      {formatDateTime(syncedAt)}.
    </p>
  );
}
