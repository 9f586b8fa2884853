import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys, reportsPath } from './report-keys';
import type { WasteParams, WasteReport } from './types';

export function getWasteReport(storeId: string, params: WasteParams): Promise<WasteReport> {
  return apiClient.get<WasteReport>(reportsPath(storeId, 'waste'), params);
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
