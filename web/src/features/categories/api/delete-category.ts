import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { categoriesPath, categoryKeys, storeDataKeys } from './category-keys';

export function deleteCategory(storeId: string, id: string): Promise<void> {
  return apiClient.delete(categoriesPath(storeId, id));
}

/** Its products stay, without a category. */
export function useDeleteCategory(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCategory(storeId, id),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: categoryKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]),
  });
}
