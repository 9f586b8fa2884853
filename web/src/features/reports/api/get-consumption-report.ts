import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys } from './report-keys';
import { reportOf } from './report-job';
import type { ConsumptionParams, ConsumptionReport } from './types';

export async function getConsumptionReport(
  storeId: string,
  params: ConsumptionParams,
): Promise<ConsumptionReport> {
  const answer = await apiClient.answer('get', '/stores/{storeId}/reports/consumption', {
    path: { storeId },
    query: params,
  });
  return reportOf(storeId, answer);
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
