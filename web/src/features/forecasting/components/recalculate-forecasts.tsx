import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { useJob } from '@/hooks/use-job';
import { toApiError } from '@/lib/api-error';
import { forecastingKeys } from '../api/forecasting-keys';
import { useRecalculateForecasts } from '../api/recalculate-forecasts';

/** Starts the store-wide recalculation and follows its job until it has an outcome. */
export function RecalculateForecasts({ storeId }: { storeId: string }) {
  const recalculate = useRecalculateForecasts(storeId);
  const [jobId, setJobId] = useState<string>();
  return (
    <div className="recalculate">
      <button
        type="button"
        className="btn btn--secondary"
        disabled={recalculate.isPending}
        onClick={() =>
          recalculate.mutate(undefined, { onSuccess: (answer) => setJobId(answer.jobId) })
        }
      >
        Recalculate forecasts
      </button>
      {recalculate.isError && <ErrorBanner>{toApiError(recalculate.error).message}</ErrorBanner>}
      {jobId && <RecalculationProgress key={jobId} storeId={storeId} jobId={jobId} />}
    </div>
  );
}

function RecalculationProgress({ storeId, jobId }: { storeId: string; jobId: string }) {
  const job = useJob(storeId, jobId);
  const queryClient = useQueryClient();
  const status = job.data?.status;

  useEffect(() => {
    if (status === 'succeeded') {
      void queryClient.invalidateQueries({ queryKey: forecastingKeys.all(storeId) });
    }
  }, [status, queryClient, storeId]);

  if (job.isError) return <ErrorBanner>{toApiError(job.error).message}</ErrorBanner>;
  if (status === 'failed') {
    return (
      <ErrorBanner>{`The recalculation failed: ${job.data?.error ?? 'unknown error'}`}</ErrorBanner>
    );
  }
  if (status === 'succeeded') return <StatusMessage>Forecasts recalculated.</StatusMessage>;
  const progress = Math.round(job.data?.progress ?? 0);
  return (
    <div className="progress-block">
      <p id={`job-${jobId}`} role="status">
        Recalculating forecasts… {progress}%{status === 'queued' ? ' (waiting to start)' : ''}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={`job-${jobId}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
      >
        <div
          className="progress__bar"
          style={{ width: `${Math.min(100, Math.max(0, progress))}%` }}
        />
      </div>
    </div>
  );
}
