import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { forecastingKeys } from './forecasting-keys';
import type { Anomaly, AnomalyParams } from './types';

export function getAnomalies(storeId: string, params: AnomalyParams): Promise<Anomaly[]> {
  return apiClient.get('/stores/{storeId}/anomalies', { path: { storeId }, query: params });
}

export function anomaliesQueryOptions(storeId: string, params: AnomalyParams) {
  return queryOptions({
    queryKey: forecastingKeys.anomalies(storeId, params),
    queryFn: () => getAnomalies(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useAnomalies(storeId: string, params: AnomalyParams) {
  return useQuery(anomaliesQueryOptions(storeId, params));
}
