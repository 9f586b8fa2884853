import { useState } from 'react';
import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import { formatDateTime } from '@/lib/format';
import { useHistory } from '../api/get-history';
import { TableWrap } from '@/components/table-wrap';

// Field names as the API sends them, shown the way the form labels them.
function fieldLabel(field: string): string {
  const spaced = field
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function HistoryCard({ storeId, productId }: { storeId: string; productId: string }) {
  const [page, setPage] = useState(1);
  const history = useHistory(storeId, productId, { page, limit: 10 });

  return (
    <Card title="Field history" description="Who changed which detail of this product, and when.">
      <QueryState
        query={history}
        loading="Loading history…"
        empty={<p className="muted">No changes recorded yet.</p>}
      >
        {(data) => (
          <>
            <TableWrap label="Field history">
              <table className="table" aria-label="Field history">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Field</th>
                    <th scope="col">Old value</th>
                    <th scope="col">New value</th>
                    <th scope="col">Changed by</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((entry) => (
                    <tr key={entry.id}>
                      <td>{formatDateTime(entry.changedAt)}</td>
                      <td>{fieldLabel(entry.field)}</td>
                      <td className="muted">{entry.oldValue ?? '—'}</td>
                      <td>{entry.newValue ?? '—'}</td>
                      <td>{entry.changedBy?.name ?? '—'}</td>
                      <td className="muted">{entry.reason ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pagination label="History pages" pagination={data.pagination} onPage={setPage} />
          </>
        )}
      </QueryState>
    </Card>
  );
}
