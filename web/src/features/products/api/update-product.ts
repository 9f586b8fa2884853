import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { productKeys, productPath, storeDataKeys } from './product-keys';
import type { Product, ProductInput } from './types';

export type ProductChanges = Partial<Omit<ProductInput, 'initialQuantity'>>;

export async function updateProduct(
  storeId: string,
  id: string,
  changes: ProductChanges,
): Promise<Product> {
  const res = await api.patch<SuccessEnvelope<Product>>(productPath(storeId, id), changes);
  return res.data.data;
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
