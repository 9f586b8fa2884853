import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { ShowMore } from '@/components/pagination';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useAlerts, useCheckAlerts, type Alert, type AlertKind } from '../api/alerts';
import { alertKinds, jobPath } from '@/lib/alert-kinds';

type Status = 'open' | 'resolved' | 'all';
const statuses: { value: Status; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

/** Where an alert's subject lives in the app, when the member may open it there. */
function useSubjectLink(storeId: string) {
  const canSeeInvoices = useCan('invoice:process');
  return (alert: Alert): string | undefined => {
    const base = `/stores/${storeId}`;
    const { type, id } = alert.subject;
    if (type === 'product') return `${base}/products/${id}`;
    if (type === 'purchase_order') return `${base}/purchase-orders/${id}`;
    if (type === 'job') return jobPath(storeId, id);
    return canSeeInvoices ? `${base}/invoices/${id}` : undefined;
  };
}

export function AlertsPage() {
  const { storeId } = useStoreAccess();
  const canCheck = useCan('inventory:write');
  const list = useListParams();
  const status = (list.get('status') || 'open') as Status;
  const kind = (list.get('kind') || undefined) as AlertKind | undefined;
  const alerts = useAlerts(storeId, { status, ...(kind ? { kind } : {}) });
  const check = useCheckAlerts(storeId);
  const linkOf = useSubjectLink(storeId);
  const rows = alerts.data?.pages.flatMap((p) => p.items);

  return (
    <div className="page">
      <PageHeader
        title="Alerts"
        subtitle="What needs attention: stock, expiry dates, deliveries, invoices and failed jobs."
        actions={
          canCheck && (
            <Button onClick={() => check.mutate()} busy={check.isPending} busyLabel="Checking…">
              Check now
            </Button>
          )
        }
      />
      {check.isSuccess && !check.isPending && (
        <StatusMessage>
          Checked: {check.data.open} open {check.data.open === 1 ? 'alert' : 'alerts'}.
        </StatusMessage>
      )}
      <ErrorBanner>{check.error ? toApiError(check.error).message : undefined}</ErrorBanner>
      <Card>
        <div className="toolbar">
          <SelectField
            label="Status"
            name="status"
            value={status}
            options={statuses}
            onChange={(e) =>
              list.update({ status: e.target.value === 'open' ? '' : e.target.value })
            }
          />
          <SelectField
            label="Kind"
            name="kind"
            value={kind ?? ''}
            options={[
              { value: '', label: 'All kinds' },
              ...Object.entries(alertKinds).map(([value, label]) => ({ value, label })),
            ]}
            onChange={(e) => list.update({ kind: e.target.value })}
          />
        </div>
        <QueryState
          query={{ ...alerts, data: rows }}
          loading="Loading alerts…"
          empty={
            <p className="muted">
              {status === 'open' ? 'Nothing needs attention right now.' : 'No alerts here.'}
            </p>
          }
        >
          {(items) => (
            <table className="table" aria-label="Alerts">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">What</th>
                  <th scope="col">Opened</th>
                  <th scope="col">Resolved</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => {
                  const to = linkOf(a);
                  return (
                    <tr key={a.id}>
                      <td>
                        <span className={`alert-kind alert-kind--${a.kind}`}>
                          {alertKinds[a.kind]}
                        </span>
                      </td>
                      <td>{to ? <Link to={to}>{a.title}</Link> : a.title}</td>
                      <td>{formatDateTime(a.openedAt)}</td>
                      <td>{a.resolvedAt ? formatDateTime(a.resolvedAt) : 'Open'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </QueryState>
        <ShowMore query={alerts} />
      </Card>
    </div>
  );
}
