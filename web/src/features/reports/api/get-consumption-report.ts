import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys, reportsPath } from './report-keys';
import type { ConsumptionParams, ConsumptionReport } from './types';

export function getConsumptionReport(
  storeId: string,
  params: ConsumptionParams,
): Promise<ConsumptionReport> {
  return apiClient.get<ConsumptionReport>(reportsPath(storeId, 'consumption'), params);
}

export function consumptionReportQueryOptions(storeId: string, params: ConsumptionParams) {
  return queryOptions({
    queryKey: reportKeys.report(storeId, 'consumption', params),
    queryFn: () => getConsumptionReport(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useConsumptionReport(storeId: string, params: ConsumptionParams) {
  return useQuery(consumptionReportQueryOptions(storeId, params));
}
