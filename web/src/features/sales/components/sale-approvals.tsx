import { formatDateTime } from '@/lib/format';
import type { Sale } from '../api/types';

const DID: Record<string, string> = {
  void: 'the void',
  refund: 'a refund',
  discount: 'the discount or price override',
};

/** Who approved an employee's void, refund or discount on this sale, and when. */
export function SaleApprovals({ sale }: { sale: Sale }) {
  const approvals = sale.approvals ?? [];
  if (!approvals.length) return null;
  return (
    <ul className="notice" aria-label="Manager approvals">
      {approvals.map((a) => (
        <li key={a.id}>
          {a.approvedBy?.name ?? 'A former manager'} approved {DID[a.action] ?? a.action}
          {a.requestedBy?.name ? ` asked for by ${a.requestedBy.name}` : ''} on{' '}
          {formatDateTime(a.usedAt ?? a.approvedAt)} ({a.method === 'pin' ? 'PIN' : 'signed in'}).
        </li>
      ))}
    </ul>
  );
}
