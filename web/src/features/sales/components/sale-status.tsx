import { formatNumber } from '@/lib/format';
import type { Sale } from '../api/types';

/** Voided, refunded (in full or part) or nothing to say: in words, not colour alone. */
export function SaleStatus({ sale }: { sale: Sale }) {
  if (sale.status === 'voided') return <span className="badge badge--danger">Voided</span>;
  if (!sale.refunds.length) return null;
  const refundedUnits = sale.items.reduce((n, line) => n + line.refundedQuantity, 0);
  return refundedUnits >= sale.itemCount ? (
    <span className="badge badge--warning">Refunded</span>
  ) : (
    <span
      className="badge badge--warning"
      title={`${formatNumber(refundedUnits)} of ${formatNumber(sale.itemCount)} units refunded`}
    >
      Partly refunded
    </span>
  );
}
