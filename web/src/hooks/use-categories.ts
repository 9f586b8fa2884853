import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged, QueryParams, Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

type Category = Schemas['Category'];
type CategoryListParams = QueryParams<'listCategories'>;

export function getCategories(
  storeId: string,
  params: CategoryListParams,
): Promise<Paged<Category>> {
  return apiClient.list('/stores/{storeId}/categories', { path: { storeId }, query: params });
}

export function categoriesQueryOptions(storeId: string, params: CategoryListParams) {
  return queryOptions({
    queryKey: storeDataKeys.categoryList(storeId, params),
    queryFn: () => getCategories(storeId, params),
    placeholderData: keepPreviousData,
  });
}

/** A page of the store's categories (the categories screen, and a shopping list's filters). */
export function useCategories(storeId: string, params: CategoryListParams) {
  return useQuery(categoriesQueryOptions(storeId, params));
}
