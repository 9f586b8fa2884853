import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { listChanged } from './mutations';
import type { ItemInput, ShoppingList } from './types';

export function updateShoppingListItem(
  storeId: string,
  listId: string,
  itemId: string,
  input: ItemInput,
): Promise<ShoppingList> {
  return apiClient.put('/stores/{storeId}/shopping-lists/{id}/items/{itemId}', {
    path: { storeId, id: listId, itemId },
    body: input,
  });
}

export function useUpdateShoppingListItem(storeId: string, listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, input }: { itemId: string; input: ItemInput }) =>
      updateShoppingListItem(storeId, listId, itemId, input),
    onSuccess: (list) => listChanged(queryClient, storeId, list),
  });
}
