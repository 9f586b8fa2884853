import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storePath } from '@/lib/query-keys';
import { productKeys } from './product-keys';
import type { Job } from './types';

export function getJob(storeId: string, jobId: string): Promise<Job> {
  return apiClient.get<Job>(storePath(storeId, `jobs/${encodeURIComponent(jobId)}`));
}

export function jobQueryOptions(storeId: string, jobId: string) {
  return queryOptions({
    queryKey: productKeys.job(storeId, jobId),
    queryFn: () => getJob(storeId, jobId),
    // Poll while the job is waiting or running; stop once it has an outcome.
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 1000;
    },
    staleTime: 0,
  });
}

export function useJob(storeId: string, jobId: string) {
  return useQuery(jobQueryOptions(storeId, jobId));
}
