import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { productKeys } from './product-keys';

export function setProductImage(storeId: string, id: string, file: File) {
  return apiClient.put('/stores/{storeId}/products/{id}/image', {
    path: { storeId, id },
    form: { file },
  });
}

export function removeProductImage(storeId: string, id: string): Promise<void> {
  return apiClient.delete('/stores/{storeId}/products/{id}/image', { path: { storeId, id } });
}

/** Sets or replaces a product's picture: the product, its list and the pickers show it. */
export function useSetProductImage(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => setProductImage(storeId, id, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productKeys.all(storeId) }),
  });
}

export function useRemoveProductImage(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => removeProductImage(storeId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productKeys.all(storeId) }),
  });
}
