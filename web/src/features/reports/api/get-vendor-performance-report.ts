import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { reportKeys } from './report-keys';
import { getReport } from './report-job';
import type { VendorPerformanceParams, VendorPerformanceReport } from './types';

export function getVendorPerformanceReport(
  storeId: string,
  params: VendorPerformanceParams,
): Promise<VendorPerformanceReport> {
  return getReport<VendorPerformanceReport>(storeId, 'vendor-performance', params);
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
