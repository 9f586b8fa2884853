import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { shoppingListKeys } from './keys';
import type { ShoppingListParams, ShoppingListSummary } from './types';

export function getShoppingLists(
  storeId: string,
  params: ShoppingListParams,
): Promise<Paged<ShoppingListSummary>> {
  return apiClient.list('/stores/{storeId}/shopping-lists', { path: { storeId }, query: params });
}

export function shoppingListsQueryOptions(storeId: string, params: ShoppingListParams) {
  return queryOptions({
    queryKey: shoppingListKeys.list(storeId, params),
    queryFn: () => getShoppingLists(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useShoppingLists(storeId: string, params: ShoppingListParams) {
  return useQuery(shoppingListsQueryOptions(storeId, params));
}
