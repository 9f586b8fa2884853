import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { storeDataKeys, storePath } from '../../../lib/query-keys';
import type { Dashboard } from './types';

export async function getDashboard(storeId: string): Promise<Dashboard> {
  const res = await api.get<SuccessEnvelope<Dashboard>>(storePath(storeId, 'analytics/dashboard'));
  return res.data.data;
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
