import { Card } from '@/components/card';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { Refund } from '../api/types';

const FATE = { write_off: 'written off as damaged', none: 'not brought back' } as const;

export function RefundsCard({ refunds }: { refunds: Refund[] }) {
  const money = useMoney();
  if (!refunds.length) return null;
  return (
    <Card
      title="Refunds"
      description="Money paid back as the lines were charged (discounts and tax included), oldest first."
    >
      <ol className="refunds">
        {refunds.map((refund) => (
          <li key={refund.id} id={`refund-${refund.id}`} className="refunds__item">
            <p className="refunds__head">
              <span className="strong">{money(-refund.total)}</span> on{' '}
              {formatDateTime(refund.createdAt)}
              {refund.createdBy && ` by ${refund.createdBy.name}`} ·{' '}
              {refund.restocked ? 'units back in stock' : 'not all put back in stock'}
              {refund.method && ` · paid back by ${refund.method}`}
            </p>
            <p className="muted">Reason: {refund.reason}</p>
            <ul className="refunds__lines">
              {refund.lines.map((line) => (
                <li key={line.id}>
                  {formatNumber(line.quantity)} × {line.productName} at {money(line.unitPrice)} ={' '}
                  {money(line.lineTotal)}
                  {line.disposition !== 'restock' && ` (${FATE[line.disposition]})`}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Card>
  );
}
