import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { shoppingListKeys } from './keys';
import type { ShoppingList } from './types';

export function getShoppingList(storeId: string, id: string): Promise<ShoppingList> {
  return apiClient.get('/stores/{storeId}/shopping-lists/{id}', { path: { storeId, id } });
}

export function shoppingListQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: shoppingListKeys.detail(storeId, id),
    queryFn: () => getShoppingList(storeId, id),
  });
}

export function useShoppingList(storeId: string, id: string) {
  return useQuery(shoppingListQueryOptions(storeId, id));
}
