import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

type Store = Schemas['Store'];

export function getStore(storeId: string): Promise<Store> {
  return apiClient.get('/stores/{storeId}', { path: { storeId } });
}

export function storeQueryOptions(storeId: string) {
  return queryOptions({ queryKey: storeDataKeys.store(storeId), queryFn: () => getStore(storeId) });
}

export function useStore(storeId: string, { enabled = true, fresh = false } = {}) {
  // `fresh`: revalidate on every mount even when cached, for forms that edit the store.
  return useQuery({
    ...storeQueryOptions(storeId),
    enabled,
    refetchOnMount: fresh ? 'always' : true,
  });
}
