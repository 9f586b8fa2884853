import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { meKey, storeKeys } from './store-keys';
import type { Store, StoreChanges } from './types';

export function updateStore(storeId: string, changes: StoreChanges): Promise<Store> {
  return apiClient.patch('/stores/{storeId}', { path: { storeId }, body: changes });
}

export function useUpdateStore(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: StoreChanges) => updateStore(storeId, changes),
    onSuccess: async (store, changes) => {
      queryClient.setQueryData(storeKeys.detail(storeId), store);
      // Decided by what was asked, not by the cache: a live refetch may already hold the new
      // store, and comparing with it would skip the refresh.
      // The store name also appears in the switcher, which reads /auth/me.
      if (changes.name !== undefined) await queryClient.invalidateQueries({ queryKey: meKey });
      // Schedules run at the store's local time: a new time zone moves their next runs.
      if (changes.timezone !== undefined) {
        await queryClient.invalidateQueries({ queryKey: storeKeys.schedules(storeId) });
      }
    },
  });
}
