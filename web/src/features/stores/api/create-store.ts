import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { meKey, storeKeys } from './store-keys';
import type { Store, StoreInput } from './types';

export function createStore(input: StoreInput): Promise<Store> {
  return apiClient.post('/stores', { body: input });
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
