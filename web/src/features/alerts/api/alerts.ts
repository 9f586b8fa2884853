import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, nextCursorOf } from '@/lib/api-client';
import type { QueryParams, Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

export type Alert = Schemas['Alert'];
export type AlertKind = Schemas['AlertKind'];
export type AlertSummary = Schemas['AlertSummary'];
export type AlertParams = Omit<QueryParams<'listAlerts'>, 'cursor' | 'limit'>;

/** Under the store's key, so whatever refreshes the store refreshes its alerts. */
export const alertKeys = {
  all: storeDataKeys.alerts,
  list: (storeId: string, params: AlertParams) =>
    [...alertKeys.all(storeId), 'list', params] as const,
  summary: (storeId: string) => [...alertKeys.all(storeId), 'summary'] as const,
};

const PAGE = 50;

/** The store's alerts, newest first, a page of 50 at a time ("Show more"). */
export function useAlerts(storeId: string, params: AlertParams) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(storeId, params),
    queryFn: ({ pageParam }) =>
      apiClient.list('/stores/{storeId}/alerts', {
        path: { storeId },
        query: { ...params, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    initialPageParam: '',
    getNextPageParam: nextCursorOf,
  });
}

/** Open alerts in all and by kind: the navigation's badge and the dashboard's list. */
export function useAlertSummary(storeId: string) {
  return useQuery({
    queryKey: alertKeys.summary(storeId),
    queryFn: () => apiClient.get('/stores/{storeId}/alerts/summary', { path: { storeId } }),
  });
}

/** Every check, now. */
export function useCheckAlerts(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post('/stores/{storeId}/alerts/check', { path: { storeId } }),
    onSuccess: (summary) => {
      queryClient.setQueryData(alertKeys.summary(storeId), summary);
      return queryClient.invalidateQueries({ queryKey: alertKeys.all(storeId) });
    },
  });
}
