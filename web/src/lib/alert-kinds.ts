import type { Schemas } from './api/types';

export type AlertKind = Schemas['AlertKind'];
export type NotificationKind = Schemas['NotificationKind'];

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
  job_failed: 'Failed import, report or recalculation',
  webhook_disabled: 'Webhook disabled',
};

/** What a person can be told of: every kind of alert, and how their own jobs ended. */
export const notificationKinds: Record<NotificationKind, string> = {
  ...alertKinds,
  job_finished: 'Your import, report or recalculation done',
};

/** Where a job's page is, in a store. */
export const jobPath = (storeId: string, jobId: string) => `/stores/${storeId}/jobs/${jobId}`;
