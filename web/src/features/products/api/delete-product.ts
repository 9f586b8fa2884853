import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { productKeys, productPath, storeDataKeys } from './product-keys';

export function deleteProduct(storeId: string, id: string): Promise<void> {
  return apiClient.delete(productPath(storeId, id));
}

export function useDeleteProduct(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteProduct(storeId, id),
    onSuccess: () => {
      // The deleted product's own queries (detail, movements, history) are not refetched:
      // the page still showing it would only ask for a 404 before the caller navigates away.
      const detail = productKeys.detail(storeId, id);
      const isDeleted = (key: readonly unknown[]) => detail.every((part, i) => key[i] === part);
      void queryClient.cancelQueries({ queryKey: detail });
      return Promise.all([
        queryClient.invalidateQueries({
          queryKey: productKeys.all(storeId),
          predicate: (query) => !isDeleted(query.queryKey),
        }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.categories(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]);
    },
  });
}
