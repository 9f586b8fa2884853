import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys } from './report-keys';
import type { ValuationParams, ValuationReport } from './types';

export function getValuationReport(
  storeId: string,
  params: ValuationParams,
): Promise<ValuationReport> {
  return apiClient.get('/stores/{storeId}/reports/valuation', { path: { storeId }, query: params });
}

export function valuationReportQueryOptions(storeId: string, params: ValuationParams) {
  return queryOptions({
    queryKey: reportKeys.report(storeId, 'valuation', params),
    queryFn: () => getValuationReport(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useValuationReport(storeId: string, params: ValuationParams) {
  return useQuery(valuationReportQueryOptions(storeId, params));
}
