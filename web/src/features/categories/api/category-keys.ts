import { storeDataKeys } from '@/lib/query-keys';

export { storeDataKeys };

export const categoryKeys = {
  all: storeDataKeys.categories,
  list: storeDataKeys.categoryList,
};
