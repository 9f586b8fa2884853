import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys } from './report-keys';
import { reportOf } from './report-job';
import type { WasteParams, WasteReport } from './types';

export async function getWasteReport(storeId: string, params: WasteParams): Promise<WasteReport> {
  const answer = await apiClient.answer('get', '/stores/{storeId}/reports/waste', {
    path: { storeId },
    query: params,
  });
  return reportOf(storeId, answer);
}

export function wasteReportQueryOptions(storeId: string, params: WasteParams) {
  return queryOptions({
    queryKey: reportKeys.report(storeId, 'waste', params),
    queryFn: () => getWasteReport(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useWasteReport(storeId: string, params: WasteParams) {
  return useQuery(wasteReportQueryOptions(storeId, params));
}
