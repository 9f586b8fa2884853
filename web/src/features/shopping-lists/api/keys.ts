import type { ShoppingListParams } from './types';

export const shoppingListKeys = {
  all: (storeId: string) => ['stores', storeId, 'shopping-lists'] as const,
  list: (storeId: string, params: ShoppingListParams) =>
    [...shoppingListKeys.all(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) =>
    [...shoppingListKeys.all(storeId), 'detail', id] as const,
};
