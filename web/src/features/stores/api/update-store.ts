import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { meKey, storeKeys } from './store-keys';
import type { Store, StoreInput } from './types';

export async function updateStore(storeId: string, input: Partial<StoreInput>): Promise<Store> {
  const res = await api.patch<SuccessEnvelope<Store>>(
    `/stores/${encodeURIComponent(storeId)}`,
    input,
  );
  return res.data.data;
}

export function useUpdateStore(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<StoreInput>) => updateStore(storeId, input),
    onSuccess: async (store) => {
      const before = queryClient.getQueryData<Store>(storeKeys.detail(storeId));
      queryClient.setQueryData(storeKeys.detail(storeId), store);
      // The store name also appears in the switcher, which reads /auth/me.
      if (before?.name !== store.name) await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
