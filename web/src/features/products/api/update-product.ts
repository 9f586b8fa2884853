import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { productKeys, storeDataKeys } from './product-keys';
import type { Product, ProductChanges } from './types';

export function updateProduct(
  storeId: string,
  id: string,
  changes: ProductChanges,
): Promise<Product> {
  return apiClient.patch('/stores/{storeId}/products/{id}', {
    path: { storeId, id },
    body: changes,
  });
}

export function useUpdateProduct(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProductChanges) => updateProduct(storeId, id, changes),
    onSuccess: async (product) => {
      await Promise.all([
        // Lists, this product's history; then the dashboard and the counts per category.
        queryClient.invalidateQueries({ queryKey: productKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.categories(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]);
      queryClient.setQueryData(productKeys.detail(storeId, id), product);
    },
  });
}
