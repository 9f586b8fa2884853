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
    onSuccess: async (store) => {
      const before = queryClient.getQueryData<Store>(storeKeys.detail(storeId));
      queryClient.setQueryData(storeKeys.detail(storeId), store);
      // The store name also appears in the switcher, which reads /auth/me.
      if (before?.name !== store.name) await queryClient.invalidateQueries({ queryKey: meKey });
      // Schedules run at the store's local time: a new time zone moves their next runs.
      if (before?.timezone !== store.timezone) {
        await queryClient.invalidateQueries({ queryKey: storeKeys.schedules(storeId) });
      }
    },
  });
}
