import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeKeys, storeUrl } from './store-keys';
import type { Store } from './types';

export function getStore(storeId: string): Promise<Store> {
  return apiClient.get<Store>(storeUrl(storeId));
}

export function storeQueryOptions(storeId: string) {
  return queryOptions({ queryKey: storeKeys.detail(storeId), queryFn: () => getStore(storeId) });
}

export function useStore(storeId: string, { enabled = true, fresh = false } = {}) {
  // `fresh`: revalidate on every mount even when cached, for forms that edit the store.
  return useQuery({
    ...storeQueryOptions(storeId),
    enabled,
    refetchOnMount: fresh ? 'always' : true,
  });
}
