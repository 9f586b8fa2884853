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
  'job_failed',
  'webhook_disabled',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What each kind is called in mail (the SPA has its own words, lib/alert-kinds.ts). */
export const ALERT_KIND_WORDS: Record<AlertKind, string> = {
  low_stock: 'Low stock',
  out_of_stock: 'Out of stock',
  stockout_risk: 'Running out',
  demand_anomaly: 'Unusual demand',
  expiring: 'Expiring soon',
  expired: 'Expired',
  delivery_late: 'Late delivery',
  invoice_due: 'Invoice due',
  invoice_overdue: 'Invoice overdue',
  job_failed: 'Failed import, report or recalculation',
  webhook_disabled: 'Webhook disabled',
};

/**
 * What a person can be told of, each with its own preferences: every kind of alert, and the
 * outcome of a job they started (`job_finished`: an import, report or recalculation finished or
 * failed; an outcome, not a standing condition, so never an alert).
 */
export const NOTIFICATION_KINDS = [...ALERT_KINDS, 'job_finished'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
