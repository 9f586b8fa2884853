import { Card } from '@/components/card';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { Refund } from '../api/types';

export function RefundsCard({ refunds }: { refunds: Refund[] }) {
  const money = useMoney();
  if (!refunds.length) return null;
  return (
    <Card title="Refunds" description="Money paid back at the recorded prices, oldest first.">
      <ol className="refunds">
        {refunds.map((refund) => (
          <li key={refund.id} id={`refund-${refund.id}`} className="refunds__item">
            <p className="refunds__head">
              <span className="strong">{money(-refund.total)}</span> on{' '}
              {formatDateTime(refund.createdAt)}
              {refund.createdBy && ` by ${refund.createdBy.name}`} ·{' '}
              {refund.restocked ? 'units back in stock' : 'not put back in stock'}
            </p>
            <p className="muted">Reason: {refund.reason}</p>
            <ul className="refunds__lines">
              {refund.lines.map((line) => (
                <li key={line.id}>
                  {formatNumber(line.quantity)} × {line.productName} at {money(line.unitPrice)} ={' '}
                  {money(line.lineTotal)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Card>
  );
}
