import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { readErrorBlob, saveBlob } from '@/lib/download';
import { fileOf } from './download-report';
import type { CustomReportRequest, CustomReportResult } from './types';

export function runCustomReport(
  storeId: string,
  request: CustomReportRequest,
): Promise<CustomReportResult> {
  return apiClient.post('/stores/{storeId}/reports/custom', { path: { storeId }, body: request });
}

export function useRunCustomReport(storeId: string) {
  return useMutation({
    mutationFn: (request: CustomReportRequest) => runCustomReport(storeId, request),
  });
}

/** The same report as a CSV file, through the authenticated instance (see download-report). */
export async function downloadCustomReport(storeId: string, request: CustomReportRequest) {
  const res = await apiClient
    .file('post', '/stores/{storeId}/reports/custom', {
      path: { storeId },
      body: { ...request, format: 'csv' },
    })
    .catch(readErrorBlob);
  return fileOf(res, `custom-${request.dataset}.csv`);
}

export function useDownloadCustomReport(storeId: string) {
  return useMutation({
    mutationFn: (request: CustomReportRequest) => downloadCustomReport(storeId, request),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
