import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ReorderPlan, ReorderPlanInput } from './types';

/** What to order within a budget: computed on request, nothing is stored. */
export function optimizeReorder(storeId: string, input: ReorderPlanInput): Promise<ReorderPlan> {
  return apiClient.post('/stores/{storeId}/optimization/reorder', {
    path: { storeId },
    body: input,
  });
}

export function useOptimizeReorder(storeId: string) {
  return useMutation({ mutationFn: (input: ReorderPlanInput) => optimizeReorder(storeId, input) });
}
