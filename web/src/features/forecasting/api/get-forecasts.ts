import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { forecastingKeys } from './forecasting-keys';
import type { ForecastParams, ForecastResult } from './types';

export function getForecasts(storeId: string, params: ForecastParams): Promise<ForecastResult> {
  return apiClient.get('/stores/{storeId}/forecasts', { path: { storeId }, query: params });
}

export function forecastsQueryOptions(storeId: string, params: ForecastParams) {
  return queryOptions({
    queryKey: forecastingKeys.forecasts(storeId, params),
    queryFn: () => getForecasts(storeId, params),
    // Switching period keeps the last chart on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useForecasts(storeId: string, params: ForecastParams) {
  return useQuery(forecastsQueryOptions(storeId, params));
}
