import { storeDataKeys, storePath } from '@/lib/query-keys';
import type { CategoryListParams } from './types';

export { storeDataKeys };

export const categoryKeys = {
  all: storeDataKeys.categories,
  list: (storeId: string, params: CategoryListParams) =>
    [...storeDataKeys.categories(storeId), 'list', params] as const,
};

export function categoriesPath(storeId: string, id?: string): string {
  return storePath(storeId, id ? `categories/${encodeURIComponent(id)}` : 'categories');
}
