import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useMovements } from '../api/get-movements';
import type { Movement } from '../api/types';
import { MOVEMENT_REASON_LABELS } from './stock-reasons';
import { TableWrap } from '@/components/table-wrap';

function Reference({ storeId, movement }: { storeId: string; movement: Movement }) {
  if (movement.referenceType === 'sale' && movement.referenceId) {
    return <Link to={`/stores/${storeId}/sales/${movement.referenceId}`}>View sale</Link>;
  }
  if (movement.referenceType === 'sale_refund' && movement.referenceId) {
    return <Link to={`/stores/${storeId}/refunds/${movement.referenceId}`}>View refund</Link>;
  }
  if (movement.referenceType === 'movement') {
    return <span className="muted">Undoes an earlier adjustment</span>;
  }
  return <span className="muted">{movement.referenceType ?? '—'}</span>;
}

export function MovementsCard({ storeId, productId }: { storeId: string; productId: string }) {
  const [page, setPage] = useState(1);
  const movements = useMovements(storeId, productId, { page, limit: 10 });

  return (
    <Card
      title="Stock movements"
      description="Every change of the quantity on hand, newest first by when it happened; on hand after it was recorded."
    >
      <QueryState
        query={movements}
        loading="Loading movements…"
        empty={<p className="muted">No movements yet.</p>}
      >
        {(data) => (
          <>
            <TableWrap label="Stock movements">
              <table className="table" aria-label="Stock movements">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Reason</th>
                    <th scope="col" className="num">
                      Change
                    </th>
                    <th scope="col" className="num">
                      On hand after
                    </th>
                    <th scope="col">Note</th>
                    <th scope="col">Reference</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((m) => (
                    <tr key={m.id}>
                      <td>
                        {formatDateTime(m.createdAt)}
                        {/* A sale sent late or a count correction: written after it is dated, so
                          "On hand after" is the stock when it was recorded. */}
                        {formatDateTime(m.recordedAt) !== formatDateTime(m.createdAt) && (
                          <div className="muted small">Recorded {formatDateTime(m.recordedAt)}</div>
                        )}
                      </td>
                      <td>{MOVEMENT_REASON_LABELS[m.reason] ?? m.reason}</td>
                      <td className={m.delta < 0 ? 'num delta delta--out' : 'num delta delta--in'}>
                        {m.delta > 0 ? `+${formatNumber(m.delta)}` : formatNumber(m.delta)}
                      </td>
                      <td className="num">{formatNumber(m.quantityAfter)}</td>
                      <td className="muted">{m.note || '—'}</td>
                      <td>
                        <Reference storeId={storeId} movement={m} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pagination label="Movement pages" pagination={data.pagination} onPage={setPage} />
          </>
        )}
      </QueryState>
    </Card>
  );
}
