import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { categoriesPath, categoryKeys } from './category-keys';
import type { Category, CategoryListParams } from './types';

export function getCategories(
  storeId: string,
  params: CategoryListParams,
): Promise<Paged<Category>> {
  return apiClient.list<Category>(categoriesPath(storeId), params);
}

export function categoriesQueryOptions(storeId: string, params: CategoryListParams) {
  return queryOptions({
    queryKey: categoryKeys.list(storeId, params),
    queryFn: () => getCategories(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useCategories(storeId: string, params: CategoryListParams) {
  return useQuery(categoriesQueryOptions(storeId, params));
}
