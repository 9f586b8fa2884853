import { storeDataKeys } from '@/lib/query-keys';
import type { AnomalyParams, ForecastParams } from './types';

export const forecastingKeys = {
  all: storeDataKeys.forecasting,
  forecasts: (storeId: string, params: ForecastParams) =>
    [...forecastingKeys.all(storeId), 'forecasts', params] as const,
  prediction: (storeId: string, productId: string) =>
    [...forecastingKeys.all(storeId), 'prediction', productId] as const,
  predictions: storeDataKeys.predictions,
  anomalies: (storeId: string, params: AnomalyParams) =>
    [...forecastingKeys.all(storeId), 'anomalies', params] as const,
};
