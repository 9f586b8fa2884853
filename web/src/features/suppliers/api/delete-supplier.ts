import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys, supplierKeys, suppliersPath } from './supplier-keys';

export function deleteSupplier(storeId: string, id: string): Promise<void> {
  return apiClient.delete(suppliersPath(storeId, id));
}

export function useDeleteSupplier(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSupplier(storeId, id),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supplierKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
      ]),
  });
}
