import { useMutation } from '@tanstack/react-query';
import type { AxiosResponse } from 'axios';
import { apiClient } from '@/lib/api-client';
import { filenameFrom, readErrorBlob, saveBlob } from '@/lib/download';
import type { ReportName, ReportParams } from './report-keys';
import { followCsv } from './report-job';

interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The file an answer carries, named as the server's Content-Disposition says. */
export function fileOf(res: AxiosResponse<Blob>, fallback: string): DownloadedFile {
  const disposition = res.headers['content-disposition'] as string | undefined;
  return { blob: res.data, filename: filenameFrom(disposition) ?? fallback };
}

/**
 * A report as CSV, fetched through the API's axios instance: the access token lives in memory,
 * so a plain link would reach the server without it and be refused.
 */
export async function downloadReport(
  storeId: string,
  report: ReportName,
  params: ReportParams,
): Promise<DownloadedFile> {
  const res = await apiClient
    .file('get', `/stores/{storeId}/reports/${report}`, {
      path: { storeId },
      query: { ...params, format: 'csv' },
    })
    // A period longer than a year is a job on the server: its file comes when it is done.
    .then((answer) => followCsv(storeId, answer))
    .catch(readErrorBlob);
  return fileOf(res, `${report}-${new Date().toISOString().slice(0, 10)}.csv`);
}

export function useDownloadReport(storeId: string) {
  return useMutation({
    mutationFn: ({ report, params }: { report: ReportName; params: ReportParams }) =>
      downloadReport(storeId, report, params),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
