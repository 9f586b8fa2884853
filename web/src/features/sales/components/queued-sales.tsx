import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { formatCount, formatDateTime } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import { removeQueuedSale } from '../api/sale-outbox';
import type { QueuedSale, TillLine } from '../api/types';

interface QueuedSalesProps {
  waiting: QueuedSale[];
  refused: QueuedSale[];
  /** Puts a refused sale's lines back in the till to correct and complete again. */
  onReopen: (lines: TillLine[]) => void;
}

/** Sales kept on this device: waiting for the connection, or refused and needing a decision. */
export function QueuedSales({ waiting, refused, onReopen }: QueuedSalesProps) {
  const money = useMoney();
  if (!waiting.length && !refused.length) return null;

  const describe = (sale: QueuedSale) =>
    `${sale.provisionalNumber ? `${sale.provisionalNumber} · ` : ''}${formatDateTime(sale.input.soldAt ?? new Date(sale.queuedAt).toISOString())} · ${formatCount(sale.units, 'unit', 'units')} · ${money(sale.total)}`;

  return (
    <Card title="Kept on this device">
      {waiting.length > 0 && (
        <>
          <p className="queued__summary">
            <span className="badge badge--warning">
              {formatCount(waiting.length, 'sale', 'sales')} waiting to send
            </span>{' '}
            They are sent by themselves when the connection returns, each exactly once.
          </p>
          <ul className="queued__list" aria-label="Sales waiting to send">
            {waiting.map((sale) => (
              <li key={sale.idempotencyKey}>{describe(sale)}</li>
            ))}
          </ul>
        </>
      )}
      {refused.length > 0 && (
        <ul className="queued__list" aria-label="Sales the server refused">
          {refused.map((sale) => (
            <li key={sale.idempotencyKey} className="queued__refused">
              <div>
                {describe(sale)}
                <p className="field__error">Not recorded: {sale.refusal}</p>
              </div>
              <div className="queued__actions">
                <Button
                  variant="secondary"
                  onClick={() =>
                    void removeQueuedSale(sale.idempotencyKey).then(() => onReopen(sale.lines))
                  }
                >
                  Back to the till
                </Button>
                <Button
                  variant="ghost"
                  className="btn--danger-text"
                  onClick={() => void removeQueuedSale(sale.idempotencyKey)}
                >
                  Discard
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
