import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RecalculateAnswer } from './types';

/** Starts the job that recomputes every product's prediction, forecast and anomalies. */
export function recalculateForecasts(storeId: string): Promise<RecalculateAnswer> {
  return apiClient.post('/stores/{storeId}/forecasts/recalculate', { path: { storeId } });
}

export function useRecalculateForecasts(storeId: string) {
  return useMutation({ mutationFn: () => recalculateForecasts(storeId) });
}
