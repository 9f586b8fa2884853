import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { storeKeys } from './store-keys';
import type { Store } from './types';

export async function getStore(storeId: string): Promise<Store> {
  const res = await api.get<SuccessEnvelope<Store>>(`/stores/${encodeURIComponent(storeId)}`);
  return res.data.data;
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
