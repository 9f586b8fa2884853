/** The kinds of alert (modules/alerts raises them; modules/notifications tells people of them). */
export const ALERT_KINDS = [
  'low_stock',
  'out_of_stock',
  'stockout_risk',
  'demand_anomaly',
  'expiring',
  'expired',
  'delivery_late',
  'invoice_due',
  'invoice_overdue',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
