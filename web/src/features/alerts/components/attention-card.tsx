import { Link } from 'react-router-dom';
import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { useAlertSummary, type AlertKind } from '../api/alerts';
import { alertKinds } from '@/lib/alert-kinds';

/** The dashboard's "needs attention": open alerts by kind, each a link to the list of them. */
export function AttentionCard({ storeId }: { storeId: string }) {
  const summary = useAlertSummary(storeId);
  return (
    <Card title="Needs attention">
      <QueryState query={summary} loading="Loading alerts…">
        {(s) =>
          s.open === 0 ? (
            <p className="muted">Nothing needs attention right now.</p>
          ) : (
            <ul className="attention-list">
              {(Object.keys(alertKinds) as AlertKind[])
                .filter((kind) => (s.byKind[kind] ?? 0) > 0)
                .map((kind) => (
                  <li key={kind}>
                    <Link to={`/stores/${storeId}/alerts?kind=${kind}`}>
                      <span className="attention-list__count">{s.byKind[kind]}</span>{' '}
                      {alertKinds[kind].toLowerCase()}
                    </Link>
                    {kind === 'expired' && (
                      <>
                        {' · '}
                        <Link to={`/stores/${storeId}/products?status=expired`}>
                          write off expired stock
                        </Link>
                      </>
                    )}
                  </li>
                ))}
            </ul>
          )
        }
      </QueryState>
    </Card>
  );
}
