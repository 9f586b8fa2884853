import { Card } from '@/components/card';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { Product } from '../api/types';

function locationText(product: Product): string {
  const loc = product.location;
  if (!loc) return '—';
  const parts = [
    loc.aisle && `Aisle ${loc.aisle}`,
    loc.row && `Row ${loc.row}`,
    loc.bin && `Bin ${loc.bin}`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

export function ProductInfoCard({ product }: { product: Product }) {
  const money = useMoney();
  const seesMoney = useSeesMoney();
  const rows: Array<[string, string] | false> = [
    ['SKU', product.sku],
    ['Barcode', product.barcode ?? '—'],
    ['Category', product.category?.name ?? '—'],
    ['Supplier', product.supplier?.name ?? '—'],
    ['Brand', product.brand ?? '—'],
    ['Department', product.department ?? '—'],
    [
      'Unit',
      [product.unit, product.packSize && `pack of ${formatNumber(product.packSize)}`]
        .filter(Boolean)
        .join(', ') || '—',
    ],
    ['Price', money(product.price)],
    seesMoney && ['Cost', money(product.cost)],
    ['Location', locationText(product)],
    ['Expires', formatDate(product.expiresAt)],
    ['Status', product.active ? 'Active' : 'Inactive'],
    ['Updated', formatDateTime(product.updatedAt)],
  ];
  return (
    <Card title="Product information">
      {product.description && <p className="muted">{product.description}</p>}
      <dl className="details">
        {rows
          .filter((row) => row !== false)
          .map(([term, value]) => (
            <div key={term} className="details__row">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </Card>
  );
}
