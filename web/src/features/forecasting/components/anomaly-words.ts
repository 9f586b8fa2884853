import type { AnomalySeverity, AnomalyType } from '../api/types';

export const anomalyTypes: Record<AnomalyType, string> = {
  demand_spike: 'Demand spike',
  demand_drop: 'Demand drop',
  cost_increase: 'Cost increase',
};

export const severities: Record<AnomalySeverity, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

// The word carries the meaning; the colour only repeats it.
export const severityBadge: Record<AnomalySeverity, string> = {
  high: 'badge badge--danger',
  medium: 'badge badge--warning',
  low: 'badge',
};
