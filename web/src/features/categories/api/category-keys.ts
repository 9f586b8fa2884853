import { storeDataKeys, storePath } from '@/lib/query-keys';

export { storeDataKeys };

export const categoryKeys = {
  all: storeDataKeys.categories,
  list: storeDataKeys.categoryList,
};

export function categoriesPath(storeId: string, id?: string): string {
  return storePath(storeId, id ? `categories/${encodeURIComponent(id)}` : 'categories');
}
