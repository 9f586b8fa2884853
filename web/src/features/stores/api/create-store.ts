import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { meKey, storeKeys } from './store-keys';
import type { Store, StoreInput } from './types';

export async function createStore(input: StoreInput): Promise<Store> {
  const res = await api.post<SuccessEnvelope<Store>>('/stores', input);
  return res.data.data;
}

export function useCreateStore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStore,
    onSuccess: async (store) => {
      queryClient.setQueryData(storeKeys.detail(store.id), store);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meKey }),
        queryClient.invalidateQueries({ queryKey: storeKeys.all, exact: true }),
      ]);
    },
  });
}
