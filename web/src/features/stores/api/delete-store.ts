import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meKey, storeKeys } from './store-keys';

export async function deleteStore(storeId: string): Promise<void> {
  await api.delete(`/stores/${encodeURIComponent(storeId)}`);
}

export function useDeleteStore(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteStore(storeId),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: storeKeys.detail(storeId) });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
