import { storePath } from '@/lib/query-keys';
import type { ShoppingListParams } from './types';

export const shoppingListKeys = {
  all: (storeId: string) => ['stores', storeId, 'shopping-lists'] as const,
  list: (storeId: string, params: ShoppingListParams) =>
    [...shoppingListKeys.all(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) =>
    [...shoppingListKeys.all(storeId), 'detail', id] as const,
};

export function shoppingListsPath(storeId: string, id?: string): string {
  return storePath(storeId, id ? `shopping-lists/${encodeURIComponent(id)}` : 'shopping-lists');
}
