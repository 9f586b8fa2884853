import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Job } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

export function getJob(storeId: string, jobId: string): Promise<Job> {
  return apiClient.get('/stores/{storeId}/jobs/{id}', { path: { storeId, id: jobId } });
}

export function jobQueryOptions(storeId: string, jobId: string) {
  return queryOptions({
    queryKey: storeDataKeys.job(storeId, jobId),
    queryFn: () => getJob(storeId, jobId),
    // Poll while the job is waiting or running; stop once it has an outcome.
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 1000;
    },
    staleTime: 0,
  });
}

/** A background job of the store, polled until it has succeeded or failed. */
export function useJob(storeId: string, jobId: string) {
  return useQuery(jobQueryOptions(storeId, jobId));
}
