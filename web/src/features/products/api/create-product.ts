import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { productKeys, productsPath, storeDataKeys } from './product-keys';
import type { Product, ProductInput } from './types';

export function createProduct(storeId: string, input: ProductInput): Promise<Product> {
  return apiClient.post<Product>(productsPath(storeId), input);
}

export function useCreateProduct(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductInput) => createProduct(storeId, input),
    onSuccess: async (product) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: productKeys.all(storeId) }),
        // Category and supplier product counts, dashboard totals.
        queryClient.invalidateQueries({ queryKey: storeDataKeys.categories(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]);
      queryClient.setQueryData(productKeys.detail(storeId, product.id), product);
    },
  });
}
