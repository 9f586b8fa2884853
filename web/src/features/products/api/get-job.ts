import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { storePath } from '../../../lib/query-keys';
import type { Job } from './import-types';
import { productKeys } from './product-keys';

export async function getJob<Result>(storeId: string, jobId: string): Promise<Job<Result>> {
  const res = await api.get<SuccessEnvelope<Job<Result>>>(
    storePath(storeId, `jobs/${encodeURIComponent(jobId)}`),
  );
  return res.data.data;
}

export function jobQueryOptions<Result>(storeId: string, jobId: string) {
  return queryOptions({
    queryKey: productKeys.job(storeId, jobId),
    queryFn: () => getJob<Result>(storeId, jobId),
    // Poll while the job is waiting or running; stop once it has an outcome.
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 1000;
    },
    staleTime: 0,
  });
}

export function useJob<Result>(storeId: string, jobId: string) {
  return useQuery(jobQueryOptions<Result>(storeId, jobId));
}
