import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { productKeys, productPath, storeDataKeys } from './product-keys';

export async function deleteProduct(storeId: string, id: string): Promise<void> {
  await api.delete(productPath(storeId, id));
}

export function useDeleteProduct(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteProduct(storeId, id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: productKeys.detail(storeId, id) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: productKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.categories(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]);
    },
  });
}
