import { Card } from '@/components/card';
import { formatDateTime, formatNumber, plural } from '@/lib/format';
import type { Product } from '../api/types';
import { StockBadges } from './stock-badges';

export function StockCard({ product }: { product: Product }) {
  const unit = product.unit || plural(product.quantity, 'unit');
  return (
    <Card title="Stock on hand">
      <p className="stock-level">
        <strong className="stock-level__value">{formatNumber(product.quantity)}</strong> {unit} on
        hand
      </p>
      <StockBadges product={product} />
      {!product.outOfStock && !product.lowStock && (
        <p className="muted small">Above the reorder point.</p>
      )}
      <dl className="details details--compact">
        <dt>Reorder point</dt>
        <dd>{formatNumber(product.reorderPoint)}</dd>
        <dt>Reorder quantity</dt>
        <dd>{formatNumber(product.reorderQuantity)}</dd>
        <dt>Last sold</dt>
        <dd>{product.lastSoldAt ? formatDateTime(product.lastSoldAt) : 'Never'}</dd>
      </dl>
    </Card>
  );
}
