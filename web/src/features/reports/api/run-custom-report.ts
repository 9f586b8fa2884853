import { useMutation } from '@tanstack/react-query';
import { api, apiClient } from '@/lib/api-client';
import { readErrorBlob, saveBlob } from '@/lib/download';
import { fileOf } from './download-report';
import { reportsPath } from './report-keys';
import type { CustomReportRequest, CustomReportResult } from './types';

export function runCustomReport(
  storeId: string,
  request: CustomReportRequest,
): Promise<CustomReportResult> {
  return apiClient.post<CustomReportResult>(reportsPath(storeId, 'custom'), request);
}

export function useRunCustomReport(storeId: string) {
  return useMutation({
    mutationFn: (request: CustomReportRequest) => runCustomReport(storeId, request),
  });
}

/** The same report as a CSV file, through the authenticated instance (see download-report). */
export async function downloadCustomReport(storeId: string, request: CustomReportRequest) {
  const res = await api
    .post<Blob>(
      reportsPath(storeId, 'custom'),
      { ...request, format: 'csv' },
      { responseType: 'blob' },
    )
    .catch(readErrorBlob);
  return fileOf(res, `custom-${request.dataset}.csv`);
}

export function useDownloadCustomReport(storeId: string) {
  return useMutation({
    mutationFn: (request: CustomReportRequest) => downloadCustomReport(storeId, request),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
