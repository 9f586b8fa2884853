import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { reportKeys } from './report-keys';
import { getReport } from './report-job';
import type { ConsumptionParams, ConsumptionReport } from './types';

export function getConsumptionReport(
  storeId: string,
  params: ConsumptionParams,
): Promise<ConsumptionReport> {
  return getReport<ConsumptionReport>(storeId, 'consumption', params);
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
