import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody, Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

type Product = Schemas['Product'];
type ProductInput = RequestBody<'createProduct'>;

export function createProduct(storeId: string, input: ProductInput): Promise<Product> {
  return apiClient.post('/stores/{storeId}/products', { path: { storeId }, body: input });
}

/** A new product (the product form, and a product made from an invoice line). */
export function useCreateProduct(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductInput) => createProduct(storeId, input),
    onSuccess: async (product) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
        // Category and supplier product counts, dashboard totals.
        queryClient.invalidateQueries({ queryKey: storeDataKeys.categories(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]);
      queryClient.setQueryData(storeDataKeys.product(storeId, product.id), product);
    },
  });
}
