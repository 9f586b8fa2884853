import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { forecastingPath } from './forecasting-keys';
import type { RecalculateAnswer } from './types';

/** Starts the job that recomputes every product's prediction, forecast and anomalies. */
export function recalculateForecasts(storeId: string): Promise<RecalculateAnswer> {
  return apiClient.post<RecalculateAnswer>(forecastingPath(storeId, 'forecasts/recalculate'), {});
}

export function useRecalculateForecasts(storeId: string) {
  return useMutation({ mutationFn: () => recalculateForecasts(storeId) });
}
