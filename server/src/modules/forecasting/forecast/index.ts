/** The forecasting maths' public surface: pure functions over arrays of numbers. */
export * from './types';
export { forecastSeries, minimumHistory, seasonLengthFor } from './forecast';
export { demandAnomalies, type AnomalyOptions, type DemandAnomaly } from './anomalies';
