import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { forecastingKeys } from './forecasting-keys';
import type { Prediction } from './types';

export function getPrediction(storeId: string, productId: string): Promise<Prediction> {
  return apiClient.get('/stores/{storeId}/predictions/{productId}', {
    path: { storeId, productId },
  });
}

export function predictionQueryOptions(storeId: string, productId: string) {
  return queryOptions({
    queryKey: forecastingKeys.prediction(storeId, productId),
    queryFn: () => getPrediction(storeId, productId),
  });
}

export function usePrediction(storeId: string, productId: string) {
  return useQuery(predictionQueryOptions(storeId, productId));
}
