import { QueryClient } from '@tanstack/react-query';
import { isAxiosError } from 'axios';

function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = isAxiosError(error) ? error.response?.status : undefined;
  // 4xx answers will not change on a retry; network blips and 5xx may.
  if (status !== undefined && status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: shouldRetry,
      refetchOnWindowFocus: true,
    },
    // A change made offline fails at once (the till queues its sales) instead of waiting,
    // paused and spinning, for a connection that may never come back in this tab.
    mutations: { retry: false, networkMode: 'always' },
  },
});
