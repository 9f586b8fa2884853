import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { Pagination } from '@/components/pagination';
import { QueryState } from '@/components/query-state';
import { TableWrap } from '@/components/table-wrap';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useCountSessions } from '../api/get-count-sessions';
import type { CountSessionsQuery } from '../api/keys';
import { CountStatus } from './count-status';
import { StartCountForm } from './start-count-form';

const STATUSES = [
  { value: '', label: 'Any status' },
  { value: 'open', label: 'Open' },
  { value: 'posted', label: 'Posted' },
  { value: 'cancelled', label: 'Cancelled' },
];
type Status = NonNullable<CountSessionsQuery['status']>;
const isStatus = (v: string): v is Status => ['open', 'posted', 'cancelled'].includes(v);

export function CountSessionsPage() {
  const { storeId } = useStoreAccess();
  const canManage = useCan('inventory:bulk_update');
  const params = useListParams();
  const status = params.get('status');
  const sessions = useCountSessions(storeId, {
    page: params.page,
    limit: 20,
    status: isStatus(status) ? status : undefined,
  });

  return (
    <div className="page">
      <PageHeader
        title="Stock counts"
        subtitle="Count an aisle, a category or the whole store, then post the differences."
      />
      {canManage && <StartCountForm storeId={storeId} />}
      <Card title="Counts">
        <div className="toolbar">
          <SelectField
            label="Status"
            name="status"
            value={isStatus(status) ? status : ''}
            options={STATUSES}
            onChange={(e) => params.update({ status: e.target.value })}
          />
        </div>
        <QueryState
          query={sessions}
          loading="Loading counts…"
          empty={<p className="muted">No counts yet.</p>}
        >
          {(data) => (
            <>
              <TableWrap label="Counts">
                <table className="table" aria-label="Counts">
                  <thead>
                    <tr>
                      <th scope="col">Count</th>
                      <th scope="col">Started</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">
                        Counted
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((s) => (
                      <tr key={s.id}>
                        <td>
                          <Link to={`/stores/${storeId}/counts/${s.id}`}>{s.scopeLabel}</Link>
                          {s.blind && <div className="muted small">Blind</div>}
                        </td>
                        <td className="nowrap">{formatDateTime(s.startedAt)}</td>
                        <td>
                          <CountStatus status={s.status} />
                        </td>
                        <td className="num">
                          {formatNumber(s.countedCount)} of {formatNumber(s.lineCount)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pagination
                label="Count pages"
                pagination={data.pagination}
                onPage={params.setPage}
              />
            </>
          )}
        </QueryState>
      </Card>
    </div>
  );
}
