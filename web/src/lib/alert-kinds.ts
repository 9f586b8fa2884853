import type { Schemas } from './api/types';

export type AlertKind = Schemas['AlertKind'];

/** What each kind of alert is called on screen (the Alerts tab, notifications). */
export const alertKinds: Record<AlertKind, string> = {
  low_stock: 'Low stock',
  out_of_stock: 'Out of stock',
  stockout_risk: 'Running out',
  demand_anomaly: 'Unusual demand',
  expiring: 'Expiring soon',
  expired: 'Expired',
  delivery_late: 'Late delivery',
  invoice_due: 'Invoice due',
  invoice_overdue: 'Invoice overdue',
};
