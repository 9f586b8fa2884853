import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { productKeys, productsPath, storeDataKeys } from './product-keys';
import type { Product, ProductInput } from './types';

export async function createProduct(storeId: string, input: ProductInput): Promise<Product> {
  const res = await api.post<SuccessEnvelope<Product>>(productsPath(storeId), input);
  return res.data.data;
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
