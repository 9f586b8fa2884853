import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';
import type { Dashboard } from './types';

export function getDashboard(storeId: string): Promise<Dashboard> {
  return apiClient.get('/stores/{storeId}/analytics/dashboard', { path: { storeId } });
}

export function dashboardQueryOptions(storeId: string) {
  return queryOptions({
    queryKey: storeDataKeys.dashboard(storeId),
    queryFn: () => getDashboard(storeId),
  });
}

export function useDashboard(storeId: string) {
  return useQuery(dashboardQueryOptions(storeId));
}
