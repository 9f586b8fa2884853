import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { meKey, storeKeys } from './store-keys';

export function deleteStore(storeId: string): Promise<void> {
  return apiClient.delete('/stores/{storeId}', { path: { storeId } });
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
