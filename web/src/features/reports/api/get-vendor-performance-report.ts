import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys } from './report-keys';
import { reportOf } from './report-job';
import type { VendorPerformanceParams, VendorPerformanceReport } from './types';

export async function getVendorPerformanceReport(
  storeId: string,
  params: VendorPerformanceParams,
): Promise<VendorPerformanceReport> {
  const answer = await apiClient.answer('get', '/stores/{storeId}/reports/vendor-performance', {
    path: { storeId },
    query: params,
  });
  return reportOf(storeId, answer);
}

export function vendorPerformanceReportQueryOptions(
  storeId: string,
  params: VendorPerformanceParams,
) {
  return queryOptions({
    queryKey: reportKeys.report(storeId, 'vendor-performance', params),
    queryFn: () => getVendorPerformanceReport(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useVendorPerformanceReport(storeId: string, params: VendorPerformanceParams) {
  return useQuery(vendorPerformanceReportQueryOptions(storeId, params));
}
