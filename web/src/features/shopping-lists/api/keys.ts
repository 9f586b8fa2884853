import { storeDataKeys } from '@/lib/query-keys';
import type { ShoppingListParams } from './types';

export const shoppingListKeys = {
  all: storeDataKeys.shoppingLists,
  list: (storeId: string, params: ShoppingListParams) =>
    [...shoppingListKeys.all(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) =>
    [...shoppingListKeys.all(storeId), 'detail', id] as const,
};
