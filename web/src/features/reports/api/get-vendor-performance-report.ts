import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys, reportsPath } from './report-keys';
import type { VendorPerformanceParams, VendorPerformanceReport } from './types';

export function getVendorPerformanceReport(
  storeId: string,
  params: VendorPerformanceParams,
): Promise<VendorPerformanceReport> {
  return apiClient.get<VendorPerformanceReport>(reportsPath(storeId, 'vendor-performance'), params);
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
