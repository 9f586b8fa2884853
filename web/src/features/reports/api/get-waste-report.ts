import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { reportKeys } from './report-keys';
import { getReport } from './report-job';
import type { WasteParams, WasteReport } from './types';

export function getWasteReport(storeId: string, params: WasteParams): Promise<WasteReport> {
  return getReport<WasteReport>(storeId, 'waste', params);
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
