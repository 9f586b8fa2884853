import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { categoryKeys, storeDataKeys } from './category-keys';
import type { Category, CategoryChanges } from './types';

export function updateCategory(
  storeId: string,
  id: string,
  changes: CategoryChanges,
): Promise<Category> {
  return apiClient.patch('/stores/{storeId}/categories/{id}', {
    path: { storeId, id },
    body: changes,
  });
}

export function useUpdateCategory(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CategoryChanges }) =>
      updateCategory(storeId, id, input),
    // Products show their category's name.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: categoryKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
      ]),
  });
}
