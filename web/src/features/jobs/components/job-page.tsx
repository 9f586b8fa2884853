import { Link, useParams } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { useJob } from '@/hooks/use-job';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useStoreAccess } from '@/lib/store-access';

/** What each announced kind of job is called, and where its result is seen. */
const kinds: Record<string, { what: string; result: string; label: string }> = {
  'products.import': { what: 'Product import', result: 'products', label: 'See the products' },
  'reports.run': { what: 'Report', result: 'reports', label: 'Go to the reports' },
  'forecasting.recalculate': {
    what: 'Forecast recalculation',
    result: 'anomalies',
    label: 'See the forecasts’ findings',
  },
};

const statusWords = {
  queued: 'Waiting to start',
  running: 'Running',
  succeeded: 'Finished',
  failed: 'Failed',
} as const;

/** One background job of the store: where a notification or a failed-job alert leads. */
export function JobPage() {
  const { storeId } = useStoreAccess();
  const { jobId = '' } = useParams();
  const job = useJob(storeId, jobId);
  return (
    <div className="page page--narrow">
      <QueryState query={job} loading="Loading the job…">
        {(j) => {
          const kind = kinds[j.type];
          const summary = j.result?.summary;
          return (
            <>
              <PageHeader title={kind?.what ?? j.type} subtitle={statusWords[j.status]} />
              <Card>
                <dl className="details">
                  <dt>Queued</dt>
                  <dd>{formatDateTime(j.createdAt)}</dd>
                  <dt>Started</dt>
                  <dd>{j.startedAt ? formatDateTime(j.startedAt) : '—'}</dd>
                  <dt>Ended</dt>
                  <dd>{j.completedAt ? formatDateTime(j.completedAt) : '—'}</dd>
                  {j.status === 'running' && (
                    <>
                      <dt>Progress</dt>
                      <dd>{j.progress}%</dd>
                    </>
                  )}
                </dl>
                {j.status === 'failed' && <ErrorBanner>{j.error ?? 'It failed.'}</ErrorBanner>}
                {summary && (
                  <StatusMessage>
                    {formatNumber(summary.created)} created, {formatNumber(summary.updated)}{' '}
                    updated, {formatNumber(summary.skipped)} skipped, {formatNumber(summary.failed)}{' '}
                    failed of {formatNumber(summary.total)} rows.
                  </StatusMessage>
                )}
                {kind && j.status === 'succeeded' && (
                  <p>
                    <Link to={`/stores/${storeId}/${kind.result}`}>{kind.label}</Link>
                  </p>
                )}
              </Card>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
