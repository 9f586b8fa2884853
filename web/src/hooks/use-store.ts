import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { withOfflineCopy } from '@/lib/offline-copy';
import type { Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

type Store = Schemas['Store'];

export function getStore(storeId: string): Promise<Store> {
  return apiClient.get('/stores/{storeId}', { path: { storeId } });
}

export function storeQueryOptions(storeId: string) {
  return queryOptions({
    queryKey: storeDataKeys.store(storeId),
    // Offline, the copy kept from the last answer (the till's currency).
    queryFn: () => withOfflineCopy(`store:${storeId}`, () => getStore(storeId)),
    networkMode: 'always',
  });
}

export function useStore(storeId: string, { enabled = true, fresh = false } = {}) {
  // `fresh`: revalidate on every mount even when cached, for forms that edit the store.
  return useQuery({
    ...storeQueryOptions(storeId),
    enabled,
    refetchOnMount: fresh ? 'always' : true,
  });
}
