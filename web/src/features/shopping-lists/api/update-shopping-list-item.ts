import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { shoppingListsPath } from './keys';
import { listChanged } from './mutations';
import type { ItemInput, ShoppingList } from './types';

export function updateShoppingListItem(
  storeId: string,
  listId: string,
  itemId: string,
  input: ItemInput,
) {
  return apiClient.put<ShoppingList>(
    `${shoppingListsPath(storeId, listId)}/items/${encodeURIComponent(itemId)}`,
    input,
  );
}

export function useUpdateShoppingListItem(storeId: string, listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, input }: { itemId: string; input: ItemInput }) =>
      updateShoppingListItem(storeId, listId, itemId, input),
    onSuccess: (list) => listChanged(queryClient, storeId, list),
  });
}
