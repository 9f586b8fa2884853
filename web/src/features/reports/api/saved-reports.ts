import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody, Schemas } from '@/lib/api/types';
import { reportKeys } from './report-keys';
import type { CustomReportResult } from './types';

export type SavedReport = Schemas['SavedReport'];
type NewSavedReport = RequestBody<'createSavedReport'>;

const savedKey = (storeId: string) => [...reportKeys.all(storeId), 'saved'] as const;

export function savedReportsQueryOptions(storeId: string) {
  return queryOptions({
    queryKey: savedKey(storeId),
    queryFn: () =>
      apiClient.get('/stores/{storeId}/reports/saved', { path: { storeId } }) as Promise<
        SavedReport[]
      >,
  });
}

export function useSavedReports(storeId: string) {
  return useQuery(savedReportsQueryOptions(storeId));
}

export function useSaveReport(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSavedReport) =>
      apiClient.post('/stores/{storeId}/reports/saved', { path: { storeId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedKey(storeId) }),
  });
}

export function useDeleteSavedReport(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiClient.delete('/stores/{storeId}/reports/saved/{id}', { path: { storeId, id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedKey(storeId) }),
  });
}

/** Runs a saved custom report (the builder's): its result as the builder shows one. */
export function useRunSavedReport(storeId: string) {
  return useMutation({
    mutationFn: (id: string) =>
      apiClient.get('/stores/{storeId}/reports/saved/{id}/run', {
        path: { storeId, id },
      }) as Promise<CustomReportResult>,
  });
}
