import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Paged, SuccessEnvelope } from '../../../lib/api-types';
import { cleanParams, toPaged } from '../../../lib/paged';
import { categoriesPath, categoryKeys } from './category-keys';
import type { Category, CategoryListParams } from './types';

export async function getCategories(
  storeId: string,
  params: CategoryListParams,
): Promise<Paged<Category>> {
  const res = await api.get<SuccessEnvelope<Category[]>>(categoriesPath(storeId), {
    params: cleanParams({ ...params }),
  });
  return toPaged(res);
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
