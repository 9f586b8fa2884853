import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { NamedRef } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

type OptionSource = 'categories' | 'suppliers';

// The product form and filters need every category and supplier by name, not a page of them.
const MAX_PAGES = 20;

export async function getOptions(storeId: string, source: OptionSource): Promise<NamedRef[]> {
  const options: NamedRef[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { items, pagination } = await apiClient.list(`/stores/{storeId}/${source}`, {
      path: { storeId },
      query: { page, limit: 100, sort: 'name', order: 'asc' },
    });
    options.push(...items.map(({ id, name }) => ({ id, name })));
    if (!pagination.hasNext) break;
  }
  return options;
}

// Under the categories / suppliers keys, so their create, rename and delete refresh these too.
export function optionsQueryOptions(storeId: string, source: OptionSource) {
  const base = source === 'categories' ? storeDataKeys.categories : storeDataKeys.suppliers;
  return queryOptions({
    queryKey: [...base(storeId), 'options'] as const,
    queryFn: () => getOptions(storeId, source),
  });
}

/** Every category and supplier of the store as `{ id, name }`, for selects. */
export function useProductOptions(storeId: string) {
  const categories = useQuery(optionsQueryOptions(storeId, 'categories'));
  const suppliers = useQuery(optionsQueryOptions(storeId, 'suppliers'));
  return { categories, suppliers };
}
