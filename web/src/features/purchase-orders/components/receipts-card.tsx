import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { formatCount, formatDateTime } from '@/lib/format';
import { useReceipts } from '../api/get-receipts';

/** The deliveries received on the order, oldest first. */
export function ReceiptsCard({ storeId, orderId }: { storeId: string; orderId: string }) {
  const receipts = useReceipts(storeId, orderId);
  return (
    <Card title="Deliveries">
      <QueryState
        query={receipts}
        loading="Loading deliveries…"
        empty={<p className="muted">Nothing received yet.</p>}
      >
        {(data) => (
          <ol className="refunds" aria-label="Deliveries received">
            {data.map((r) => {
              const units = r.lines.reduce((n, l) => n + l.quantity, 0);
              return (
                <li key={r.id} className="refunds__item">
                  <p className="refunds__head">
                    <span className="strong">{formatDateTime(r.receivedAt)}</span>{' '}
                    <span className="muted">
                      · {formatCount(units, 'unit')}
                      {r.receivedBy ? ` · received by ${r.receivedBy.name}` : ''}
                      {r.invoiceId ? ' · from an invoice' : ''}
                    </span>
                  </p>
                  {r.note && <p className="muted small">Note: {r.note}</p>}
                  <ul className="refunds__lines">
                    {r.lines.map((l) => (
                      <li key={l.productId}>
                        {formatCount(l.quantity, 'unit')} of {l.product.name}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        )}
      </QueryState>
    </Card>
  );
}
