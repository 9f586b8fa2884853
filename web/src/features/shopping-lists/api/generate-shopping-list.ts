import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { shoppingListsPath } from './keys';
import { listChanged } from './mutations';
import type { GenerateInput, ShoppingList } from './types';

export function generateShoppingList(storeId: string, input: GenerateInput) {
  return apiClient.post<ShoppingList>(`${shoppingListsPath(storeId)}/generate`, input);
}

export function useGenerateShoppingList(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GenerateInput) => generateShoppingList(storeId, input),
    onSuccess: (list) => listChanged(queryClient, storeId, list),
  });
}
