import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reportKeys, reportsPath } from './report-keys';
import type { CustomReportSchema } from './types';

export function getCustomReportSchema(storeId: string): Promise<CustomReportSchema> {
  return apiClient.get<CustomReportSchema>(reportsPath(storeId, 'custom/schema'));
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
