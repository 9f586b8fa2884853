import type { QueryClient } from '@tanstack/react-query';
import { storeDataKeys } from '@/lib/query-keys';
import { shoppingListKeys } from './keys';
import type { ShoppingList } from './types';

/** After a change: the list's page gets the answer at once, the lists of lists refetch. */
export function listChanged(queryClient: QueryClient, storeId: string, list?: ShoppingList) {
  if (list) queryClient.setQueryData(shoppingListKeys.detail(storeId, list.id), list);
  return queryClient.invalidateQueries({ queryKey: shoppingListKeys.all(storeId) });
}

/** Orders were created: purchase orders and product screens (on order) are stale too. */
export function ordersCreated(queryClient: QueryClient, storeId: string) {
  return queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) });
}
