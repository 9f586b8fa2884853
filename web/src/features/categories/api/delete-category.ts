import { useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { deferDelete, KEEPALIVE } from '@/lib/deferred-delete';
import { categoryKeys, storeDataKeys } from './category-keys';
import type { Category } from './types';

export function deleteCategory(storeId: string, id: string): Promise<void> {
  return apiClient.delete('/stores/{storeId}/categories/{id}', {
    path: { storeId, id },
    transport: KEEPALIVE,
  });
}

/** Deletes a category after the Undo window (see lib/deferred-delete); its products stay, without one. */
export function useDeleteCategory(storeId: string) {
  const queryClient = useQueryClient();
  return (category: Category) =>
    deferDelete({
      id: category.id,
      message: `Deleted category “${category.name}”. Its products will have no category.`,
      subject: `category “${category.name}”`,
      send: () => deleteCategory(storeId, category.id),
      onDeleted: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: categoryKeys.all(storeId) }),
          queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
          queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
        ]),
    });
}
