import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { shoppingListKeys } from './keys';

export function deleteShoppingList(storeId: string, listId: string) {
  return apiClient.delete('/stores/{storeId}/shopping-lists/{id}', {
    path: { storeId, id: listId },
  });
}

export function useDeleteShoppingList(storeId: string, listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteShoppingList(storeId, listId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: shoppingListKeys.detail(storeId, listId) });
      return queryClient.invalidateQueries({
        queryKey: [...shoppingListKeys.all(storeId), 'list'],
      });
    },
  });
}
