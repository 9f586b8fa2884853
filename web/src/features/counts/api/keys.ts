import type { QueryClient } from '@tanstack/react-query';
import type { QueryParams, RequestBody, ResponseData } from '@/lib/api/types';

export type CountSessionsQuery = QueryParams<'listCountSessions'>;
export type CountSession = ResponseData<'getCountSession'>;
export type CountLine = CountSession['lines'][number];
export type CountReview = ResponseData<'reviewCountSession'>;
export type StartCountInput = RequestBody<'startCountSession'>;

export const countKeys = {
  all: (storeId: string) => ['stores', storeId, 'count-sessions'] as const,
  list: (storeId: string, q: CountSessionsQuery) => [...countKeys.all(storeId), 'list', q] as const,
  detail: (storeId: string, id: string) => [...countKeys.all(storeId), 'detail', id] as const,
  review: (storeId: string, id: string) => [...countKeys.all(storeId), 'review', id] as const,
  aisles: (storeId: string) => [...countKeys.all(storeId), 'aisles'] as const,
};

/** After a count changed: its lists and views; posting also changed stock (every product view). */
export async function countChanged(queryClient: QueryClient, storeId: string, stock = false) {
  await queryClient.invalidateQueries({ queryKey: countKeys.all(storeId) });
  if (stock) await queryClient.invalidateQueries({ queryKey: ['stores', storeId] });
}
