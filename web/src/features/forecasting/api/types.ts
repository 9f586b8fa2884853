import type { QueryParams, RequestBody, ResponseData, Schemas } from '@/lib/api/types';

export type Prediction = Schemas['Prediction'];
export type ReorderSuggestion = NonNullable<Prediction['reorder']>;
export type Forecast = Schemas['Forecast'];
export type ForecastPeriod = Forecast['period'];
export type ForecastParams = QueryParams<'getForecasts'>;
export type ForecastResult = ResponseData<'getForecasts'>;
export type Anomaly = Schemas['Anomaly'];
export type AnomalyType = Anomaly['type'];
export type AnomalySeverity = Anomaly['severity'];
export type AnomalyParams = QueryParams<'listAnomalies'>;
export type RecalculateAnswer = ResponseData<'recalculateForecasts'>;
export type ReorderPlanInput = RequestBody<'optimizeReorder'>;
export type ReorderPlan = Schemas['ReorderOptimization'];
export type ReorderPlanItem = Schemas['ReorderOptimizationItem'];
