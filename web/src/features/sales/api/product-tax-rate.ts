import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';

const key = (storeId: string, productId: string) =>
  [...storeDataKeys.products(storeId), 'tax-rate', productId] as const;

/** The product's own tax rate (null: its category's, else the store default). */
export function useProductTaxRate(storeId: string, productId: string) {
  return useQuery({
    queryKey: key(storeId, productId),
    queryFn: () =>
      apiClient.get('/stores/{storeId}/products/{id}/tax-rate', {
        path: { storeId, id: productId },
      }),
  });
}

export function useSetProductTaxRate(storeId: string, productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taxRateId: string | null) =>
      apiClient.put('/stores/{storeId}/products/{id}/tax-rate', {
        path: { storeId, id: productId },
        body: { taxRateId },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key(storeId, productId), saved);
      // The rates list shows each rate's products.
      void queryClient.invalidateQueries({
        queryKey: [...storeDataKeys.sales(storeId), 'tax-rates'],
      });
    },
  });
}
