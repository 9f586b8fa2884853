import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys } from './report-keys';
import type { CustomReportSchema } from './types';

export function getCustomReportSchema(storeId: string): Promise<CustomReportSchema> {
  return apiClient.get('/stores/{storeId}/reports/custom/schema', { path: { storeId } });
}

export function customReportSchemaQueryOptions(storeId: string) {
  return queryOptions({
    queryKey: reportKeys.customSchema(storeId),
    queryFn: () => getCustomReportSchema(storeId),
    // The whitelist changes only with a new server version.
    staleTime: Infinity,
  });
}

export function useCustomReportSchema(storeId: string) {
  return useQuery(customReportSchemaQueryOptions(storeId));
}
