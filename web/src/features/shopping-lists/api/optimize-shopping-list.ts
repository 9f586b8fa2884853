import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { shoppingListsPath } from './keys';
import { listChanged } from './mutations';
import type { OptimizeResult } from './types';

export function optimizeShoppingList(storeId: string, listId: string) {
  return apiClient.post<OptimizeResult>(`${shoppingListsPath(storeId, listId)}/optimize`, {});
}

export function useOptimizeShoppingList(storeId: string, listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => optimizeShoppingList(storeId, listId),
    onSuccess: ({ changes: _, ...list }) => listChanged(queryClient, storeId, list),
  });
}
