import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { useJob } from '@/hooks/use-job';
import { toApiError } from '@/lib/api-error';
import { invalidateAfterImport, type ImportAnswer } from '../api/import-products';
import { ImportReport } from './import-report';

interface ImportOutcomeProps {
  storeId: string;
  answer: ImportAnswer;
  validateOnly: boolean;
}

/** The report of an import or validation, after polling its job when the server queued one. */
export function ImportOutcome({ storeId, answer, validateOnly }: ImportOutcomeProps) {
  if (answer.kind === 'done')
    return <ImportReport report={answer.report} validateOnly={validateOnly} />;
  return <JobProgress storeId={storeId} jobId={answer.jobId} validateOnly={validateOnly} />;
}

function JobProgress({
  storeId,
  jobId,
  validateOnly,
}: {
  storeId: string;
  jobId: string;
  validateOnly: boolean;
}) {
  const job = useJob(storeId, jobId);
  const queryClient = useQueryClient();
  const status = job.data?.status;

  useEffect(() => {
    if (status === 'succeeded' && !validateOnly) void invalidateAfterImport(queryClient, storeId);
  }, [status, validateOnly, queryClient, storeId]);

  if (job.isPending) return <Loading label="Starting…" />;
  if (job.isError) return <ErrorBanner>{toApiError(job.error).message}</ErrorBanner>;
  const { progress, result, error } = job.data;
  if (status === 'failed')
    return <ErrorBanner>{`The import failed: ${error ?? 'unknown error'}`}</ErrorBanner>;
  // Jobs of other kinds carry other results; an import's is the report with its summary.
  if (status === 'succeeded' && result && 'summary' in result) {
    return (
      <>
        <StatusMessage>{validateOnly ? 'Validation finished.' : 'Import finished.'}</StatusMessage>
        <ImportReport report={result} validateOnly={validateOnly} />
      </>
    );
  }
  const label = validateOnly ? 'Validating products' : 'Importing products';
  return (
    <div className="progress-block">
      <p id={`job-${jobId}`}>
        {label}… {Math.round(progress)}%{status === 'queued' ? ' (waiting to start)' : ''}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={`job-${jobId}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress)}
      >
        <div
          className="progress__bar"
          style={{ width: `${Math.min(100, Math.max(0, progress))}%` }}
        />
      </div>
    </div>
  );
}
