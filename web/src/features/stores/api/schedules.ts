import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody, Schemas } from '@/lib/api/types';
import { storeKeys } from './store-keys';

export type Schedule = Schemas['Schedule'];
export type ScheduleChanges = RequestBody<'updateSchedule'>;

/** What runs on its own in the store, and when. */
export function useSchedules(storeId: string) {
  return useQuery({
    queryKey: storeKeys.schedules(storeId),
    queryFn: () => apiClient.get('/stores/{storeId}/schedules', { path: { storeId } }),
  });
}

export function useUpdateSchedule(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, changes }: { task: string; changes: ScheduleChanges }) =>
      apiClient.put('/stores/{storeId}/schedules/{task}', {
        path: { storeId, task },
        body: changes,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.schedules(storeId) }),
  });
}
