import { Button } from '@/components/button';
import { ErrorBanner } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { useRedeliver, useWebhookDeliveries, type WebhookDelivery } from '../api/webhooks';

const STATUS_LABELS: Record<WebhookDelivery['status'], string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  succeeded: 'Delivered',
  failed: 'Failed',
};

function outcome(d: WebhookDelivery) {
  if (d.status === 'retrying' && d.nextAttemptAt) {
    return `${d.error ?? ''} · next try ${formatDateTime(d.nextAttemptAt)}`;
  }
  return d.error ?? d.responseExcerpt ?? '';
}

/** An endpoint's delivery log, newest first: status, code, time taken, and Redeliver. */
export function WebhookDeliveries(props: { storeId: string; webhookId: string; url: string }) {
  const { storeId, webhookId, url } = props;
  const log = useWebhookDeliveries(storeId, webhookId);
  const redeliver = useRedeliver(storeId, webhookId);
  const label = `Deliveries to ${url}`;

  return (
    <section aria-label={label} className="webhook-log">
      <h3 className="webhook-log__title">{label}</h3>
      <ErrorBanner>{redeliver.error ? toApiError(redeliver.error).message : undefined}</ErrorBanner>
      <QueryState
        query={log}
        loading="Loading deliveries…"
        empty={<p className="muted">No deliveries yet.</p>}
      >
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items);
          if (rows.length === 0) return <p className="muted">No deliveries yet.</p>;
          return (
            <div
              className="table-wrap"
              tabIndex={0}
              role="region"
              aria-label={`${label}, scrollable`}
            >
              <table className="table" aria-label={label}>
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Code</th>
                    <th scope="col">Time</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Queued</th>
                    <th scope="col">Answer or error</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <code>{d.eventType}</code>
                      </td>
                      <td>{STATUS_LABELS[d.status]}</td>
                      <td>{d.responseStatus ?? '—'}</td>
                      <td>{d.durationMs === null ? '—' : `${d.durationMs} ms`}</td>
                      <td>{d.attempts}</td>
                      <td>{formatDateTime(d.createdAt)}</td>
                      <td className="small">{outcome(d).slice(0, 200)}</td>
                      <td className="table__actions">
                        {(d.status === 'succeeded' || d.status === 'failed') && (
                          <Button
                            variant="ghost"
                            busy={redeliver.isPending && redeliver.variables === d.id}
                            onClick={() => redeliver.mutate(d.id)}
                          >
                            Redeliver
                            <span className="visually-hidden"> {d.eventType}</span>
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {log.hasNextPage && (
                <Button
                  variant="ghost"
                  busy={log.isFetchingNextPage}
                  onClick={() => void log.fetchNextPage()}
                >
                  Show more
                </Button>
              )}
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
