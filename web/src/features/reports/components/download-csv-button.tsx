import { Button } from '@/components/button';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useDownloadReport } from '../api/download-report';
import type { ReportName, ReportParams } from '../api/report-keys';

/** Downloads the report on show, with the same parameters, as a CSV file. */
export function DownloadCsvButton({
  storeId,
  report,
  params,
}: {
  storeId: string;
  report: ReportName;
  params: ReportParams;
}) {
  const download = useDownloadReport(storeId);
  return (
    <>
      <Button
        variant="secondary"
        busy={download.isPending}
        busyLabel="Preparing CSV…"
        onClick={() => download.mutate({ report, params })}
      >
        Download CSV
      </Button>
      {download.isError && <ErrorBanner>{toApiError(download.error).message}</ErrorBanner>}
    </>
  );
}
